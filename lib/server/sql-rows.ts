import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

const VALUES_PER_STATEMENT = 5000; // well under SQLite's 32,766 and PostgreSQL's 65,535 parameters

/**
 * `INSERT INTO "table" (columns) VALUES (…), (…)`, in as few statements as the parameter
 * limit allows. The columns are the keys of the rows, which the callers build as objects
 * checked against Prisma's generated types (`satisfies Prisma.…CreateManyInput`): a renamed
 * or retyped column fails to compile instead of landing in the wrong place.
 */
export async function insertRows<R extends Record<string, unknown>>(tx: Prisma.TransactionClient, table: string, rows: readonly R[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c]))})`);
    await tx.$executeRaw(Prisma.sql`${head}${Prisma.join(values)}`);
  }
}
