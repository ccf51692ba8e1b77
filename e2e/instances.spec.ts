import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { validSpam } from "@/lib/validation/fixtures";
import { E2E_DATA_DIR, queryOne } from "./support/data-layer";
import { createStaff } from "./support/staff-session";
import { nextCode } from "@/lib/server/testing/totp-app";

/**
 * Statelessness: two more app instances over the same PostgreSQL database and the same
 * evidence folder, as a deployment behind a load balancer would run them. Runs in the
 * PostgreSQL end-to-end pass (E2E_DATABASE_URL); SQLite is one machine by design.
 */
const postgres = /^postgres(ql)?:/.test(process.env.E2E_DATABASE_URL ?? "");
test.skip(!postgres, "needs the PostgreSQL end-to-end pass (E2E_DATABASE_URL)");

/**
 * fetch, sent once more if the connection it reused was closed by the server just as the
 * request went out: Node's client keeps idle connections a little less long than the
 * server does, but on a loaded 2-core machine its timer can fire late (seen once in CI as
 * "other side closed"). A server that is really gone fails the second attempt too.
 */
async function fetch(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await globalThis.fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== "UND_ERR_SOCKET") throw error;
    return globalThis.fetch(url, init);
  }
}
test.describe.configure({ mode: "serial" });

const PORTS = [3101, 3102];
const bases = PORTS.map((p) => `http://127.0.0.1:${p}`);
const LOOKUPS_PER_WINDOW = 6;
let servers: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mkdirSync("test-results", { recursive: true });
  servers = PORTS.map((port) =>
    spawn(process.execPath, [path.join("scripts", "server.mjs")], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        EVIDENCE_DIR: path.join(E2E_DATA_DIR, "evidence"),
        SECRET_FILE: path.join(E2E_DATA_DIR, "app-secret"),
        CONTACT_KEY_FILE: path.join(E2E_DATA_DIR, "contact-key"),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        RATE_LIMIT_LOOKUP: `${LOOKUPS_PER_WINDOW}/600`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      // The instances' own output, for when a test here fails: test-results/instance-PORT.log.
      stdio: ["ignore", "ignore", openSync(path.join("test-results", `instance-${port}.log`), "a")],
    }),
  );
  for (const base of bases) {
    await expect.poll(() => fetch(`${base}/api/v1/categories`).then((r) => r.status, () => 0), { timeout: 90_000 }).toBe(200);
  }
});

test.afterAll(() => {
  for (const server of servers) server.kill();
});

/** One request with email, password and the app's code, to next-auth's credentials endpoint. */
async function signIn(base: string, { email, password, key }: { email: string; password: string; key: string }): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, code: await nextCode(key), json: "true" }),
  });
  return [csrfCookie, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

let n = 0;
function moderator(): { email: string; password: string; key: string } {
  const email = `instance-moderator-${++n}-${Date.now()}@e2e.test`;
  const password = "e2e-staff-password-1";
  return { email, password, key: createStaff(email, password) };
}

test("a session started on one instance works on the other", async () => {
  const cookie = await signIn(bases[0], moderator());
  const other = await fetch(`${bases[1]}/queue`, { headers: { cookie, "accept-language": "en" }, redirect: "manual" });
  expect(other.status).toBe(200);
  expect(await other.text()).toContain("<h1>Review queue</h1>");
  const anonymous = await fetch(`${bases[1]}/queue`, { redirect: "manual" });
  expect(anonymous.status).toBe(307); // the control: without the cookie, sent to sign in
});

test("rate limits are shared: the instances together allow one window's worth", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < LOOKUPS_PER_WINDOW * 2; i++) {
    const response = await fetch(`${bases[i % 2]}/api/v1/receipts/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ receipt: "AAAA-BBBB-CCCC-DDDD-EEEE" }),
    });
    statuses.push(response.status);
  }
  const accepted = statuses.filter((s) => s === 404).length;
  // Separate counters would let each instance take 6 (12 in all); shared, at most 6 pass,
  // and once refused, refused on both.
  expect(accepted).toBeLessThanOrEqual(LOOKUPS_PER_WINDOW);
  expect(statuses.slice(accepted)).toEqual(Array(statuses.length - accepted).fill(429));
  expect(new Set(statuses.slice(accepted).map((_, i) => (accepted + i) % 2))).toEqual(new Set([0, 1]));
});

test("concurrent Next report claims across the instances never hand out the same report", async () => {
  const moderators = 8;
  for (let i = 0; i < moderators; i++) {
    const created = await fetch(`${bases[i % 2]}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(validSpam()),
    });
    expect(created.status).toBe(201);
  }
  const cookies = await Promise.all(Array.from({ length: moderators }, (_, i) => signIn(bases[i % 2], moderator())));
  const page = await (await fetch(`${bases[0]}/queue`, { headers: { cookie: cookies[0] } })).text();
  // The "Next report" form heads the queue; the header has other forms (language, sign-out).
  const actionId = /class="queue-head">[\s\S]*?name="\$ACTION_ID_([0-9a-f]+)"/.exec(page)?.[1];
  expect(actionId).toBeTruthy();
  const claims = await Promise.all(
    cookies.map(async (cookie, i) => {
      const base = bases[i % 2];
      const form = new FormData();
      form.set(`$ACTION_ID_${actionId}`, "");
      const response = await fetch(`${base}/queue`, { method: "POST", body: form, headers: { cookie, origin: base }, redirect: "manual" });
      expect(response.status).toBe(303);
      const location = response.headers.get("location") ?? "";
      return /\/queue\/([0-9a-f-]{36})/.exec(location)?.[1] ?? location;
    }),
  );
  for (const claim of claims) expect(claim).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Set(claims).size).toBe(moderators);
});

test("evidence written by one instance is served by the other", async () => {
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const form = new FormData();
  form.set("report", JSON.stringify(validSpam()));
  form.set("evidence", new Blob([png], { type: "image/png" }), "screenshot.png");
  const created = await fetch(`${bases[0]}/api/v1/reports`, { method: "POST", body: form });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const { sha256 } = queryOne('SELECT "sha256" FROM "Evidence" WHERE "reportId" = ?', id) as { sha256: string };
  const cookie = await signIn(bases[1], moderator());
  const file = await fetch(`${bases[1]}/api/staff/evidence/${id}/${sha256}`, { headers: { cookie } });
  expect(file.status).toBe(200);
  expect(file.headers.get("content-type")).toBe("image/png");
  expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);
});
