// Run by `npm start` after migrations: WAL mode, the first admin, and the clean-up of
// files that a crash left without a report. Runs with --conditions=react-server so that
// the server-only modules load outside Next.
import { db } from "@/lib/server/db";
import { sweepOrphanFiles } from "@/lib/server/evidence";
import { ensureFirstAdmin } from "@/lib/server/first-admin";

const ORPHAN_GRACE_MS = Number(process.env.ORPHAN_GRACE_MS ?? 10 * 60 * 1000);

async function main() {
  const admin = await ensureFirstAdmin();
  if (admin.created && admin.password) {
    console.log(
      [
        "",
        "  A demo admin account was created. These credentials are shown only this once:",
        `    email:    ${admin.email}`,
        `    password: ${admin.password}`,
        "  At first sign-in you choose your own password and set up two-factor sign-in with an",
        "  authenticator app (STAFF_2FA=optional skips the second for local development).",
        "  Set ADMIN_EMAIL and ADMIN_PASSWORD to choose the first admin yourself.",
        "",
      ].join("\n"),
    );
  } else if (admin.created) {
    console.log(`  Created the first admin, ${admin.email}, from ADMIN_EMAIL. They set up two-factor sign-in at first sign-in.`);
  }
  const removed = await sweepOrphanFiles(async (ids) => {
    const rows = await db.report.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }, ORPHAN_GRACE_MS);
  if (removed) console.log(`  Removed ${removed} evidence folder(s) left by an interrupted submission.`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
