import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { fieldErrorsOf, issueKeyMap } from "@/lib/validation/issue-keys";
import { unstorableTextPaths } from "@/lib/validation/text";
import { db } from "./db";
import { getEnv } from "./env";
import { ApiError } from "./http";
import { hashReceipt } from "./receipts";
import { audit } from "./moderation/audit";
import { FINAL_STATUSES as FINAL } from "@/lib/moderation/statuses";
import { countEarlierSameTarget } from "./same-target";

/** Statuses after which the reporter can no longer add messages. */
export const FINAL_STATUSES = new Set<string>(FINAL);

export const lookupSchema = z.object({ receipt: z.string().trim().min(1).max(64) });
export const replySchema = z.object({
  receipt: z.string().trim().min(1).max(64),
  body: z.string().trim().min(1).max(5000),
});

export function parseOr422<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input, { error: issueKeyMap });
  if (!parsed.success) throw new ApiError("validation", { fields: fieldErrorsOf(parsed.error) });
  const unstorable = unstorableTextPaths(parsed.data);
  if (unstorable.length > 0) {
    throw new ApiError("validation", { fields: Object.fromEntries(unstorable.map((path) => [path, ["invalid_text"]])) });
  }
  return parsed.data;
}

export type ReceiptView = {
  /** The report's own status: "duplicate" once it is merged with an earlier report. */
  status: string;
  /** For a duplicate: the earlier report, whose progress the reporter follows from then on. */
  original?: { status: string };
  /** The agency a forwarded report (or its original) went to, named in both languages. */
  forwardedTo?: { "zh-CN": string; en: string };
  category: string;
  submittedAt: string;
  expectedBy: string;
  sameTargetCount: number;
  messages: { from: "staff" | "reporter"; body: string; at: string }[];
  /** Internal, not part of the API answer: whether the reporter may still write. */
  acceptsMessages: boolean;
};

/** No report has this id, so the unknown-receipt path runs the same queries as a hit. */
const NO_REPORT = "00000000-0000-0000-0000-000000000000";

/**
 * What the reporter may see of their report. The same three queries run whether the
 * receipt is known or not, and the caller pads the answer to a fixed minimum time, so the
 * response time does not tell a guesser whether a code exists.
 */
export async function lookupReceipt(receipt: string): Promise<ReceiptView | undefined> {
  const report = await db.report.findUnique({
    where: { receiptHash: hashReceipt(receipt) },
    select: {
      id: true,
      status: true,
      category: true,
      submittedAt: true,
      expectedBy: true,
      targets: { select: { kind: true, value: true } },
      forwardedTo: { select: { nameZh: true, nameEn: true } },
      duplicateOf: { select: { status: true, expectedBy: true, forwardedTo: { select: { nameZh: true, nameEn: true } } } },
    },
  });
  const id = report?.id ?? NO_REPORT;
  const [messages, sameTargetCount] = await Promise.all([
    db.message.findMany({
      where: { reportId: id },
      orderBy: { createdAt: "asc" },
      select: { author: true, body: true, createdAt: true },
    }),
    countEarlierSameTarget(db, report?.targets ?? [{ kind: "url", value: "" }], {
      before: report?.submittedAt ?? new Date(0),
      excludeId: id,
    }),
  ]);
  if (!report) return undefined;
  // A duplicate's reporter follows the original report from then on.
  const followed = report.status === "duplicate" && report.duplicateOf ? report.duplicateOf : undefined;
  const agency = (followed ?? report).forwardedTo;
  return {
    status: report.status,
    ...(followed ? { original: { status: followed.status } } : {}),
    ...(agency ? { forwardedTo: { "zh-CN": agency.nameZh, en: agency.nameEn } } : {}),
    category: report.category,
    submittedAt: report.submittedAt.toISOString(),
    expectedBy: (followed?.expectedBy ?? report.expectedBy).toISOString(),
    sameTargetCount,
    acceptsMessages: !FINAL_STATUSES.has(report.status),
    messages: messages.map((m) => ({
      from: m.author === "staff" ? "staff" : "reporter",
      body: m.body,
      at: m.createdAt.toISOString(),
    })),
  };
}

/** Runs `work`, then waits until at least LOOKUP_MIN_MS have passed since the start. */
export async function withMinimumDuration<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const settle = async () => {
    const left = getEnv().LOOKUP_MIN_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  };
  try {
    const result = await work();
    await settle();
    return result;
  } catch (error) {
    await settle();
    throw error;
  }
}

/**
 * Adds the reporter's message to the thread. An answer to a request for more information
 * puts the report back in review.
 */
export async function addReporterMessage(receipt: string, body: string) {
  return db.$transaction(async (tx) => {
    const report = await tx.report.findUnique({
      where: { receiptHash: hashReceipt(receipt) },
      select: { id: true, status: true, claimedById: true },
    });
    if (!report) throw new ApiError("not_found");
    if (FINAL_STATUSES.has(report.status)) throw new ApiError("closed");
    const message = await tx.message.create({ data: { reportId: report.id, author: "reporter", body } });
    await audit(tx, { actorId: null, action: "message:reporter", reportId: report.id, after: { messageId: message.id } });
    if (report.claimedById) {
      // Tells the moderator who asked, in the queue.
      await tx.report.update({ where: { id: report.id }, data: { replyPending: true } });
    }
    if (report.status === "needs-info") {
      await tx.report.update({ where: { id: report.id }, data: { status: "in-review" } });
      await tx.statusEvent.create({ data: { reportId: report.id, status: "in-review", at: message.createdAt } });
    }
    return { from: "reporter" as const, body: message.body, at: message.createdAt.toISOString() };
  });
}
