import "server-only";
import { addDays, formatDay } from "@/lib/stats/days";
import { db } from "../db";
import { audit } from "../moderation/audit";
import type { Stats, StatsQuery } from "./stats";

/**
 * Exports for admins. Report exports stream: rows are read a page at a time, one day's
 * reports after another through the (receivedDay, id) index, and written out as they come,
 * so memory stays flat however many reports the range holds.
 *
 * A report export carries its classification, status and decision times and its target
 * keys. It leaves out, by construction, the reporter's contact block, the receipt hash,
 * and the free-text and form fields (description, victim, rightholder, signature, email
 * headers), which can carry personal data.
 */
export const REPORT_COLUMNS = [
  "id",
  "case_number",
  "received_at",
  "received_day",
  "category",
  "subtype",
  "crime_kind",
  "severity",
  "status",
  "expected_by",
  "first_decision_at",
  "closed_at",
  "seconds_to_first_decision",
  "seconds_to_closure",
  "decided_on_time",
  "duplicate_of",
  "forwarded_to",
  "targets",
] as const;
export type ReportExportRow = Record<(typeof REPORT_COLUMNS)[number], string | number | boolean | null>;

const PAGE = 1000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The reports received in the range, oldest day first, as export rows. */
export async function* reportRows(q: StatsQuery): AsyncGenerator<ReportExportRow> {
  for (let day = q.from; day <= q.to; day = addDays(day, 1)) {
    let after: string | undefined;
    for (;;) {
      const page = await db.report.findMany({
        where: { receivedDay: day, ...(q.category ? { category: q.category } : {}), ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
        select: {
          id: true, caseNumber: true, submittedAt: true, receivedDay: true, category: true, subtype: true, informationOnly: true, severity: true,
          status: true, expectedBy: true, firstDecisionAt: true, closedAt: true, firstDecisionSecs: true, closureSecs: true,
          decidedOnTime: true, duplicateOfId: true, forwardedToId: true,
          targets: { select: { kind: true, value: true }, orderBy: [{ kind: "asc" }, { value: "asc" }] },
        },
      });
      for (const r of page) {
        yield {
          id: r.id,
          case_number: r.caseNumber,
          received_at: iso(r.submittedAt),
          received_day: formatDay(r.receivedDay),
          category: r.category,
          subtype: r.subtype,
          crime_kind: r.category === "crime" ? (r.informationOnly ? "information" : "case") : null,
          severity: r.severity,
          status: r.status,
          expected_by: iso(r.expectedBy),
          first_decision_at: iso(r.firstDecisionAt),
          closed_at: iso(r.closedAt),
          seconds_to_first_decision: r.firstDecisionSecs,
          seconds_to_closure: r.closureSecs,
          decided_on_time: r.decidedOnTime,
          duplicate_of: r.duplicateOfId,
          forwarded_to: r.forwardedToId,
          targets: r.targets.map((t) => `${t.kind}:${t.value}`).join(" "),
        };
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
  }
}

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (= + - @, tab,
 * CR) gets a leading apostrophe (OWASP "CSV injection"); numbers are written as they are.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
export const csvLine = (values: readonly unknown[]) => values.map(csvField).join(",") + "\r\n";

/** A text stream from an async source of chunks, pulled as the client reads. */
export function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      // Batch small chunks, so that the stream does not cross into the runtime per row.
      let buffer = "";
      while (buffer.length < 64 * 1024) {
        const { value, done } = await iterator.next();
        if (done) {
          if (buffer) controller.enqueue(encoder.encode(buffer));
          controller.close();
          return;
        }
        buffer += value;
      }
      controller.enqueue(encoder.encode(buffer));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export async function* reportsCsv(q: StatsQuery): AsyncGenerator<string> {
  yield "\uFEFF" + csvLine(REPORT_COLUMNS); // the BOM lets spreadsheet programs read the Chinese text as UTF-8
  for await (const row of reportRows(q)) yield csvLine(REPORT_COLUMNS.map((c) => row[c]));
}

export async function* reportsJson(q: StatsQuery): AsyncGenerator<string> {
  yield `{"from":"${formatDay(q.from)}","to":"${formatDay(q.to)}","category":${JSON.stringify(q.category)},"reports":[`;
  let first = true;
  for await (const row of reportRows(q)) {
    yield (first ? "\n" : ",\n") + JSON.stringify(row);
    first = false;
  }
  yield "\n]}\n";
}

/**
 * The aggregated statistics, one row per category (crime split into cases and information
 * reports). Column names follow the DSA transparency-report template (Implementing
 * Regulation (EU) 2024/2835, notices under Art. 16) where it has the figure: notices
 * received, actions taken, median time to action; the rest use the same style.
 */
export const STATS_COLUMNS = [
  "period_start",
  "period_end",
  "category",
  "segment",
  "number_of_notices_received",
  "number_of_notices_previous_period",
  "number_of_notices_same_period_previous_year",
  "number_of_actions_taken",
  "number_of_notices_rejected",
  "number_of_notices_duplicate",
  "number_of_notices_forwarded",
  "number_of_notices_closed_without_action",
  "number_of_notices_pending",
  "median_time_to_first_decision_hours",
  "p90_time_to_first_decision_hours",
  "median_time_to_closure_hours",
  "p90_time_to_closure_hours",
  "number_decided_within_target",
  "number_due_by_target",
] as const;

const hours = (secs: number | null) => (secs === null ? null : Math.round((secs / 3600) * 100) / 100);

export function statsRows(stats: Stats): Record<(typeof STATS_COLUMNS)[number], string | number | null>[] {
  return stats.segments.map((s) => ({
    period_start: formatDay(stats.query.from),
    period_end: formatDay(stats.query.to),
    category: s.segment.startsWith("crime") ? "crime" : s.segment,
    segment: s.segment,
    number_of_notices_received: s.received,
    number_of_notices_previous_period: s.receivedPrevious,
    number_of_notices_same_period_previous_year: s.receivedYearEarlier,
    number_of_actions_taken: s.outcomes.actioned,
    number_of_notices_rejected: s.outcomes.rejected,
    number_of_notices_duplicate: s.outcomes.duplicate,
    number_of_notices_forwarded: s.outcomes.forwarded,
    number_of_notices_closed_without_action: s.outcomes.closed,
    number_of_notices_pending: s.outcomes.open,
    median_time_to_first_decision_hours: hours(s.toFirstDecision.median),
    p90_time_to_first_decision_hours: hours(s.toFirstDecision.p90),
    median_time_to_closure_hours: hours(s.toClosure.median),
    p90_time_to_closure_hours: hours(s.toClosure.p90),
    number_decided_within_target: s.sla.onTime,
    number_due_by_target: s.sla.due,
  }));
}

export function statsCsv(stats: Stats): string {
  return "\uFEFF" + csvLine(STATS_COLUMNS) + statsRows(stats).map((row) => csvLine(STATS_COLUMNS.map((c) => row[c]))).join("");
}

/** Records an export in the audit log before any data leaves. */
export async function auditExport(actorId: string, what: string, details: Record<string, unknown>): Promise<void> {
  await db.$transaction((tx) => audit(tx, { actorId, action: `export:${what}`, after: details }));
}
