import { db, isPostgres } from "@/lib/server/db";

/**
 * Makes the database refuse to insert a row of `table` whose `column` has this value, on
 * SQLite or PostgreSQL, so that tests can fail a write half-way. Returns the clean-up.
 */
export async function failInsert(table: "Report" | "AuditEvent", column: "description" | "reportId", value: string): Promise<() => Promise<void>> {
  const quoted = value.replace(/'/g, "''");
  const name = `fail_${table.toLowerCase()}_insert`;
  if (isPostgres()) {
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."${column}" = '${quoted}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" WHEN NEW."${column}" = '${quoted}'
    BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}

/** Makes the database refuse to insert a report with this description. */
export const failReportInsert = (description: string) => failInsert("Report", "description", description);
