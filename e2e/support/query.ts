// Prints the first row of a read-only SQL query as JSON, for end-to-end assertions. The
// query is written with `?` placeholders and double-quoted identifiers, so that it runs on
// SQLite and on PostgreSQL alike.
import Database from "better-sqlite3";
import pg from "pg";

const [sql, params] = process.argv.slice(2);
const url = process.env.DATABASE_URL ?? "";

async function main() {
  if (/^postgres(ql)?:/.test(url)) {
    pg.types.setTypeParser(20, Number); // COUNT(*) is a bigint
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let i = 0;
    const { rows } = await client.query(sql.replace(/\?/g, () => `$${++i}`), JSON.parse(params));
    await client.end();
    console.log(JSON.stringify(rows[0] ?? null));
    return;
  }
  const database = new Database(url.replace(/^file:/, ""), { readonly: true });
  const row = database.prepare(sql).get(...JSON.parse(params)) as Record<string, unknown> | undefined;
  database.close();
  // SQLite has no booleans: columns named like flags come back as 0/1 either way.
  console.log(JSON.stringify(row ?? null));
}

void main();
