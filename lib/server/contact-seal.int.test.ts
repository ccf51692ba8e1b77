import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db, isPostgres } from "@/lib/server/db";
import { validSpam } from "@/lib/validation/fixtures";
import { rotateContacts } from "./contact-rotation";
import { contactKeyFrom, contactKeys, openContact, sealedWith } from "./contact-seal";
import { getEnv } from "./env";
import { getReportForStaff } from "./moderation/report-detail";
import { jsonRequest } from "./testing/requests";

/** Reporters' contact blocks are sealed at rest, readable by staff, and re-sealed by a key rotation. */
async function withContact(email: string, phone = "+86 137 1234 5678") {
  const response = await submit(jsonRequest("/api/v1/reports", { ...validSpam(), contact: { name: "Zhao Lei", email, phone } }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
const rawContacts = async () => (await db.$queryRaw<{ contact: string }[]>`SELECT "contact" FROM "Report" WHERE "contact" IS NOT NULL`).map((r) => r.contact);

describe("contact blocks", () => {
  it("are sealed in the database, so that neither a query nor the database file shows them, and open for staff", async () => {
    const email = `sealed-${Date.now()}@reporter.example`;
    const id = await withContact(email);
    const raw = await rawContacts();
    expect(raw.length).toBeGreaterThan(0);
    for (const value of raw) {
      expect(value).toMatch(/^c1\.[0-9a-f]{12}\./);
      expect(value).not.toContain(email);
      expect(value).not.toContain("Zhao");
    }
    if (!isPostgres()) {
      await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const file = getEnv().databasePath!;
      for (const f of [file, `${file}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(email))).toBe(false);
    }
    const report = await getReportForStaff(id);
    expect(report?.contact).toEqual({ name: "Zhao Lei", email, phone: "+86 137 1234 5678" });
  });

  it("refuse to open under a wrong key, and open a block stored before sealing", () => {
    const sealedByOther = contactKeyFrom("another key of at least thirty-two characters");
    expect(() => openContact(`c1.${sealedByOther.id}.AAAA.AAAA`)).toThrow(/neither CONTACT_KEY/);
    expect(openContact('{"email":"old@example.org"}')).toBe('{"email":"old@example.org"}');
  });

  it("are re-sealed under a new key by a rotation run during intake; a second run finishes what intake wrote meanwhile; nothing is lost", async () => {
    const old = contactKeys().current;
    const next = contactKeyFrom(`rotation-test-key-${"x".repeat(32)}`);
    const emails = Array.from({ length: 30 }, (_, i) => `rotate-${i}-${Date.now()}@reporter.example`);
    for (const email of emails.slice(0, 10)) await withContact(email);
    // A block stored before sealing existed is sealed too.
    const legacy = await withContact(`legacy-${Date.now()}@reporter.example`);
    await db.report.update({ where: { id: legacy }, data: { contact: JSON.stringify({ email: "legacy@reporter.example" }) } });

    const [first] = await Promise.all([rotateContacts({ current: next, previous: old }), ...emails.slice(10).map((email) => withContact(email))]);
    expect(first.resealed).toBeGreaterThanOrEqual(11);
    const second = await rotateContacts({ current: next, previous: old });
    expect(second.scanned).toBe(await db.report.count({ where: { contact: { not: null } } }));
    const raw = await rawContacts();
    expect(raw.every((value) => sealedWith(value) === next.id)).toBe(true);
    const opened = raw.map((value) => JSON.parse(openContact(value, [next])) as { email: string });
    for (const email of emails) expect(opened.some((c) => c.email === email)).toBe(true);
    expect(opened.some((c) => c.email === "legacy@reporter.example")).toBe(true);
    expect((await rotateContacts({ current: next, previous: old })).resealed).toBe(0);
  });
});
