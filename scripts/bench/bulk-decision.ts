// One bulk decision on a target with N open reports (default 5,000), for `npm run bench:queue`.
// Run with the database's environment:
//   node --conditions=react-server --import tsx scripts/bench/bulk-decision.ts N MODERATOR_EMAIL
// It files N spam reports on one sender number through the intake's writer, then times
// bulkDecide on all of them, and checks one status event and one audit row per report.
import { db } from "@/lib/server/db";
import { bulkDecide, BULK_MAX } from "@/lib/server/moderation/targets";
import { insertReports, type PreparedReport } from "@/lib/server/report-writer";
import { validateReport } from "@/lib/server/submit-report";
import { validSpam } from "@/lib/validation/fixtures";

async function main() {
  const count = Math.min(Number(process.argv[2] ?? BULK_MAX), BULK_MAX);
  const moderator = await db.user.findUniqueOrThrow({ where: { email: process.argv[3] ?? "bench@bench.test" } });
  const sender = "+86 139 8888 0000";
  const prepared: PreparedReport[] = [];
  for (let i = 0; i < count; i++) {
    prepared.push(await validateReport({ ...validSpam(), sender, content: `Campaign message ${i}: your parcel is held.`, locale: i % 2 ? "en" : "zh-CN" }, []));
  }
  for (let i = 0; i < count; i += 500) {
    await db.$transaction((tx) => insertReports(tx, prepared.slice(i, i + 500).map((p) => ({ prepared: p }))), { timeout: 120_000 });
  }
  const ids = prepared.map((p) => p.id);
  const started = performance.now();
  const result = await bulkDecide({ reportIds: ids, decision: "actioned" }, { id: moderator.id, role: "MODERATOR" });
  const ms = performance.now() - started;
  let events = 0;
  let audits = 0;
  for (let i = 0; i < count; i += 500) {
    const some = ids.slice(i, i + 500);
    events += await db.statusEvent.count({ where: { reportId: { in: some }, status: "actioned", actorId: moderator.id } });
    audits += await db.auditEvent.count({ where: { reportId: { in: some }, action: "decide:actioned" } });
  }
  if (result.decided.length !== count || events !== count || audits !== count) {
    throw new Error(`bulk decision: ${result.decided.length} decided, ${events} status events, ${audits} audit rows of ${count}`);
  }
  console.log(`  bulk decision on one target with ${count.toLocaleString("en")} open reports: ${(ms / 1000).toFixed(2)} s (${count} status events, ${count} audit rows, ${count} messages)`);
  await db.$disconnect();
}

void main();
