import "server-only";
import { db } from "./db";
import { isDatabaseUnavailable } from "./http";
import { insertReports, type IdempotencyClaim, type PreparedReport, type SubmittedReport } from "./report-writer";

export type Entry = { prepared: PreparedReport; idempotency?: IdempotencyClaim };
type Unit = { entries: Entry[]; resolve: (bodies: SubmittedReport[]) => void; reject: (error: unknown) => void };

/** A group stops taking requests at this many reports (five full batches). */
const MAX_GROUP_REPORTS = 500;

const queue: Unit[] = [];
let writing = false;

/**
 * Stores one request's reports, all of them or none, and resolves with their 201 bodies
 * once they are committed, never before.
 *
 * Group commit: one transaction is written at a time; the requests that arrive meanwhile
 * wait and are written together in the next one. An idle server writes a lone request on
 * the next turn of the event loop; a busy one pays for one commit (SQLite: one sync of the
 * log) per group instead of per report, and Prisma's per-statement cost once per group
 * (insertReports uses a fixed number of statements). If a group fails, each request in it
 * is written again on its own, so that one request's failure (a duplicate idempotency
 * key, a constraint) fails only that request; with the database unreachable, all fail at
 * once.
 */
export function storeReports(entries: Entry[]): Promise<SubmittedReport[]> {
  return new Promise((resolve, reject) => {
    queue.push({ entries, resolve, reject });
    if (!writing) {
      writing = true;
      // Start on the next turn of the event loop, so that requests already read join.
      setImmediate(() => void drain());
    }
  });
}

async function drain() {
  try {
    while (queue.length > 0) {
      const group: Unit[] = [];
      let reports = 0;
      while (queue.length > 0 && (group.length === 0 || reports + queue[0].entries.length <= MAX_GROUP_REPORTS)) {
        const unit = queue.shift()!;
        group.push(unit);
        reports += unit.entries.length;
      }
      await write(group);
    }
  } finally {
    writing = false;
  }
}

async function write(group: Unit[]): Promise<void> {
  try {
    const bodies = await db.$transaction((tx) => insertReports(tx, group.flatMap((unit) => unit.entries)), { maxWait: 10_000, timeout: 30_000 });
    let at = 0;
    for (const unit of group) unit.resolve(bodies.slice(at, (at += unit.entries.length)));
  } catch (error) {
    if (group.length === 1 || isDatabaseUnavailable(error)) {
      for (const unit of group) unit.reject(error);
      return;
    }
    for (const unit of group) await write([unit]);
  }
}
