// The timed half of `npm run bench:keys` (scripts/bench-keys.mjs), on the SQLite database at
// DATABASE_URL.
import { performance } from "node:perf_hooks";
import { rotateContacts } from "@/lib/server/contact-rotation";
import { contactKeyFrom } from "@/lib/server/contact-seal";
import { db } from "@/lib/server/db";

async function main() {
  const count = Number(process.argv[2] ?? 1_000_000);
  let started = performance.now();
  await db.$executeRawUnsafe(`
    WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${count})
    INSERT INTO "Report" ("id", "category", "status", "isOpen", "receiptHash", "description", "details", "expectedBy", "updatedAt", "contact")
    SELECT printf('%08x-0000-4000-8000-000000000000', n), 'spam', 'actioned', 0, printf('%064x', n), 'Bench report', '{}',
      '2026-12-01T00:00:00.000+00:00', '2026-12-01T00:00:00.000+00:00',
      '{"name":"Zhao Lei","email":"reporter' || n || '@example.org","phone":"+8613700000000"}'
    FROM g`);
  console.log(`  wrote ${count.toLocaleString("en")} reports with a contact block in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const first = contactKeyFrom("bench-contact-key-one-of-at-least-32-characters");
  const second = contactKeyFrom("bench-contact-key-two-of-at-least-32-characters");
  started = performance.now();
  const sealed = await rotateContacts({ current: first, previous: null });
  const sealSecs = (performance.now() - started) / 1000;
  started = performance.now();
  const rotated = await rotateContacts({ current: second, previous: first });
  const rotateSecs = (performance.now() - started) / 1000;
  if (sealed.resealed !== count || rotated.resealed !== count) throw new Error(`sealed ${sealed.resealed}, rotated ${rotated.resealed} of ${count}`);
  console.log(`  sealing ${count.toLocaleString("en")} contact blocks stored in clear: ${sealSecs.toFixed(1)} s (${Math.round(count / sealSecs).toLocaleString("en")} per second)`);
  console.log(`  rotating ${count.toLocaleString("en")} contact blocks to a new key: ${rotateSecs.toFixed(1)} s (${Math.round(count / rotateSecs).toLocaleString("en")} per second)`);
  await db.$disconnect();
}

void main();
