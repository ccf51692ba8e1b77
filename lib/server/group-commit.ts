import "server-only";
import { createBatcher, type Waiting } from "./batcher";
import { db } from "./db";
import { isDatabaseUnavailable } from "./http";
import { metrics } from "./metrics.mjs";
import { insertReports, type IdempotencyClaim, type PreparedReport, type SubmittedReport } from "./report-writer";

/** A report to store; `partnerId` marks it as sent by that trusted flagger. */
export type Entry = { prepared: PreparedReport; idempotency?: IdempotencyClaim; partnerId?: string };
type Unit = Waiting<Entry[], SubmittedReport[]>;

/** A group stops taking requests at this many reports (five full batches). */
const MAX_GROUP_REPORTS = 500;

/**
 * Stores one request's reports, all of them or none, and resolves with their 201 bodies
 * once they are committed, never before.
 *
 * Group commit (batcher.ts): one transaction is written at a time; the requests that
 * arrive meanwhile wait and are written together in the next one. An idle server writes a
 * lone request on the next turn of the event loop; a busy one pays for one commit (SQLite:
 * one sync of the log) per group instead of per report, and Prisma's per-statement cost
 * once per group (insertReports uses a fixed number of statements). If a group fails, each
 * request in it is written again on its own, so that one request's failure (a duplicate
 * idempotency key, a constraint) fails only that request; with the database unreachable,
 * all fail at once.
 */
export const storeReports: (entries: Entry[]) => Promise<SubmittedReport[]> = createBatcher<Entry[], SubmittedReport[]>(
  write,
  (queue) => {
    let reports = 0;
    let count = 0;
    while (count < queue.length && (count === 0 || reports + queue[count].item.length <= MAX_GROUP_REPORTS)) {
      reports += queue[count].item.length;
      count++;
    }
    return queue.splice(0, count);
  },
);

async function write(group: Unit[]): Promise<void> {
  try {
    const entries = group.flatMap((unit) => unit.item);
    const bodies = await db.$transaction((tx) => insertReports(tx, entries), { maxWait: 10_000, timeout: 30_000 });
    metrics.groupCommitReports.observe(entries.length);
    for (const entry of entries) metrics.reportsReceived.inc({ category: entry.prepared.report.category });
    let at = 0;
    for (const unit of group) unit.resolve(bodies.slice(at, (at += unit.item.length)));
  } catch (error) {
    if (group.length === 1 || isDatabaseUnavailable(error)) {
      for (const unit of group) unit.reject(error);
      return;
    }
    for (const unit of group) await write([unit]);
  }
}
