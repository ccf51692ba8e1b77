import { db, isPostgres } from "@/lib/server/db";

/**
 * Makes the database refuse to insert a report with this description, on SQLite or
 * PostgreSQL, so that tests can fail a write half-way. Returns the clean-up.
 */
export async function failReportInsert(description: string): Promise<() => Promise<void>> {
  const quoted = description.replace(/'/g, "''");
  if (isPostgres()) {
    await db.$executeRawUnsafe(`CREATE FUNCTION fail_report_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.description = '${quoted}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_report_insert BEFORE INSERT ON "Report" FOR EACH ROW EXECUTE FUNCTION fail_report_insert()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_report_insert ON "Report"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_report_insert()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER fail_report_insert BEFORE INSERT ON "Report" WHEN NEW.description = '${quoted}'
    BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  return async () => {
    await db.$executeRawUnsafe("DROP TRIGGER fail_report_insert");
  };
}
