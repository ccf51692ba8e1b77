// Creating and dropping scratch PostgreSQL databases, for tests and benchmarks. The
// connection for it goes to the server's `postgres` database.
import pg from "pg";

const split = (url) => {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name: ${name}`);
  u.pathname = "/postgres";
  return { admin: u.toString(), name };
};

async function withAdmin(url, step) {
  const { admin, name } = split(url);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await step(client, name);
  } finally {
    await client.end();
  }
}

export const dropPostgresDatabase = (url) => withAdmin(url, (c, name) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

export const recreatePostgresDatabase = (url) =>
  withAdmin(url, async (c, name) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });

/** Whether a PostgreSQL server answers at this URL. */
export async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
