import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { validSpam } from "@/lib/validation/fixtures";
// @ts-expect-error: a plain ES module of the CLI, without types
import { dropPostgresDatabase, recreatePostgresDatabase } from "../postgres-admin.mjs";
import { cleanup, prepare, scratch, startServer } from "./harness";

/**
 * Database down: the app reaches PostgreSQL through a TCP relay that the test can cut and
 * restore, as a network failure or a database restart would. While it is down, a
 * submission gets a clear 503 (the web form's side of it, values kept, is checked in
 * lib/server/actions/errors.test.ts); once it is back, the same running server works again.
 */
const server = process.env.TEST_POSTGRES_URL;

function relay(target: URL) {
  let up = true;
  const sockets = new Set<net.Socket>();
  const listener = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () => new Promise<number>((r) => listener.listen(0, "127.0.0.1", () => r((listener.address() as net.AddressInfo).port))),
    down: () => {
      up = false;
      for (const s of sockets) s.destroy();
    },
    up: () => {
      up = true;
    },
    close: () => listener.close(),
  };
}

describe.runIf(server)("PostgreSQL unreachable", () => {
  const direct = new URL(server ?? "postgresql://localhost/postgres");
  direct.pathname = `/portal_down_${randomBytes(4).toString("hex")}`;
  const proxy = relay(direct);
  let s: ReturnType<typeof scratch>;
  afterAll(async () => {
    cleanup(s);
    proxy.close();
    await dropPostgresDatabase(direct.toString());
  });

  it("answers 503 while the database is down and recovers without a restart", { timeout: 180_000 }, async () => {
    const port = await proxy.listen();
    const viaProxy = new URL(direct);
    viaProxy.port = String(port);
    s = scratch(3240, { DATABASE_URL: viaProxy.toString() });
    await recreatePostgresDatabase(direct.toString());
    // Directly, not through the relay: prepare() blocks this process, which runs the relay.
    prepare({ ...s, env: { ...s.env, DATABASE_URL: direct.toString() } });
    const app = await startServer(s);
    const submit = () =>
      fetch(`${s.base}/api/v1/reports`, { method: "POST", headers: { "content-type": "application/json", "accept-language": "en" }, body: JSON.stringify(validSpam()) });
    expect((await submit()).status).toBe(201);

    proxy.down();
    const started = Date.now();
    const refused = await submit();
    const body = (await refused.json()) as { error: { code: string; message: string } };
    const waited = (Date.now() - started) / 1000;
    expect(refused.status).toBe(503);
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toMatch(/not saved.*try again/i);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    // The instance says it is not ready, and why, while it stays alive.
    const notReady = await fetch(`${s.base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: "not ready", failing: ["database"] });
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);

    proxy.up();
    let recovered = 0;
    for (let i = 0; i < 20 && recovered === 0; i++) {
      if ((await submit()).status === 201) recovered = i + 1;
      else await new Promise((r) => setTimeout(r, 500));
    }
    console.log(`database down: 503 "${body.error.code}" after ${waited.toFixed(1)} s; ` +
      `after the database came back, attempt ${recovered} succeeded, same server process (pid ${app.pid})`);
    expect(recovered).toBeGreaterThan(0);
    expect(app.exitCode).toBeNull();
    expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
  });
});
