import "server-only";
import { createHash } from "node:crypto";
import type { Locale } from "@/lib/validation/options";
import { removeReportFiles, writeReportFiles } from "./evidence";
import { ApiError, errorBody } from "./http";
import { findReplay } from "./idempotency";
import { storeReports } from "./group-commit";
import type { PreparedReport, SubmittedReport } from "./report-writer";
import { validateReport, withFiles } from "./submit-report";

export const BATCH_MAX = 100;

export type BatchResult = {
  index: number;
  status: 201 | 422;
  id?: string;
  receipt?: string;
  error?: ReturnType<typeof errorBody>["error"];
};

/** The trusted flagger sending the batch (partners.ts). */
export type BatchPartner = { id: string };

type Item =
  | { kind: "new"; prepared: PreparedReport; key?: string; requestHash: string }
  | { kind: "done"; result: SubmittedReport }
  | { kind: "same-as"; index: number }
  | { kind: "failed"; error: ApiError };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One item: its own validation, its own idempotency key, never another item's outcome.
 * Stored keys are scoped to the partner, so that one partner's key can neither replay nor
 * block another partner's report, nor a report sent to the single-report endpoint.
 */
async function readItem(raw: unknown, index: number, keys: Map<string, { index: number; hash: string }>, partner: BatchPartner, locale: Locale): Promise<Item> {
  if (!isRecord(raw)) return { kind: "failed", error: new ApiError("validation", { fields: { "": ["invalid_type"] } }) };
  const { idempotencyKey, ...report } = raw;
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== "string" || !/^[\x21-\x7e]{1,64}$/.test(idempotencyKey))) {
    return { kind: "failed", error: new ApiError("validation", { fields: { idempotencyKey: ["invalid"] } }) };
  }
  const requestHash = createHash("sha256").update(JSON.stringify(report)).digest("hex");
  try {
    if (idempotencyKey) {
      const earlier = keys.get(idempotencyKey);
      if (earlier) {
        if (earlier.hash !== requestHash) throw new ApiError("idempotency_mismatch");
        return { kind: "same-as", index: earlier.index };
      }
      keys.set(idempotencyKey, { index, hash: requestHash });
      const scoped = `partner:${partner.id}:${idempotencyKey}`;
      const replay = await findReplay(scoped, requestHash);
      if (replay) return { kind: "done", result: replay as SubmittedReport };
      return { kind: "new", prepared: await validateReport(withFiles(report, []), [], locale), key: scoped, requestHash };
    }
    return { kind: "new", prepared: await validateReport(withFiles(report, []), [], locale), requestHash };
  } catch (error) {
    if (error instanceof ApiError) return { kind: "failed", error };
    throw error;
  }
}

/**
 * `POST /api/v1/reports/batch`: 1–100 reports, each validated on its own; the valid ones
 * are stored in one transaction, so all of them are written or none is (group-commit.ts). A failure of the
 * whole request propagates (5xx) and the client retries with the same keys. The reports
 * are marked as the partner's, which raises their priority (report-writer.ts). Returns the
 * results in input order and how many reports were newly stored (replays not included).
 */
export async function submitBatch(body: unknown, locale: Locale, partner: BatchPartner): Promise<{ results: BatchResult[]; stored: number }> {
  const reports = isRecord(body) ? body.reports : undefined;
  if (!Array.isArray(reports)) throw new ApiError("validation", { fields: { reports: ["required"] } });
  if (reports.length === 0) throw new ApiError("validation", { fields: { reports: ["too_few:1"] } });
  if (reports.length > BATCH_MAX) throw new ApiError("validation", { fields: { reports: [`too_many:${BATCH_MAX}`] } });

  const keys = new Map<string, { index: number; hash: string }>();
  const items: Item[] = [];
  for (const [index, raw] of reports.entries()) items.push(await readItem(raw, index, keys, partner, locale));

  const fresh = items.flatMap((item) => (item.kind === "new" ? [item] : []));
  for (const item of fresh) await writeReportFiles(item.prepared.id, item.prepared.files);
  const stored = new Map<PreparedReport, SubmittedReport>();
  try {
    if (fresh.length > 0) {
      const bodies = await storeReports(
        fresh.map((item) => ({
          prepared: item.prepared,
          idempotency: item.key ? { key: item.key, requestHash: item.requestHash } : undefined,
          partnerId: partner.id,
        })),
      );
      fresh.forEach((item, index) => stored.set(item.prepared, bodies[index]));
    }
  } catch (error) {
    for (const item of fresh) await removeReportFiles(item.prepared.id);
    throw error;
  }

  const outcome = (item: Item): BatchResult | Omit<BatchResult, "index"> => {
    switch (item.kind) {
      case "new": {
        const result = stored.get(item.prepared)!;
        return { status: 201, id: result.id, receipt: result.receipt };
      }
      case "done":
        return { status: 201, id: item.result.id, receipt: item.result.receipt };
      case "same-as":
        return outcome(items[item.index]);
      case "failed":
        return { status: 422, error: errorBody(item.error, locale).error };
    }
  };
  return { results: items.map((item, index) => ({ ...outcome(item), index })), stored: fresh.length };
}
