// Prints the first row of a read-only SQL query as JSON, for end-to-end assertions.
import Database from "better-sqlite3";

const [sql, params] = process.argv.slice(2);
const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
const database = new Database(file, { readonly: true });
console.log(JSON.stringify(database.prepare(sql).get(...JSON.parse(params)) ?? null));
database.close();
