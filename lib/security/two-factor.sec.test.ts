import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextCode } from "@/lib/server/testing/totp-app";
import { ADMIN, root, startPortal, type Portal } from "./harness";
import { postForm } from "./forms";
import { postCredentials, signIn } from "./staff";

/**
 * Staff sign-in as an outside tester found it: a no-JavaScript form that sent the password
 * in a GET, sessions that outlived sign-out, and one password guarding everything. This
 * portal runs with the default STAFF_2FA=required.
 */
let portal: Portal;
let base: string;
let key = "";
let recovery: string[] = [];

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);
const sessionCookie = (response: Response) => cookiesOf(response).find((c) => /session-token=./.test(c));
const get = (pathname: string, cookie = "") => fetch(`${base}${pathname}`, { headers: { cookie }, redirect: "manual" });
const locationOf = (response: Response) => new URL(response.headers.get("location") ?? "/", base).pathname;
/** The id of the newest account whose email matches. */
function userIdOf(email: RegExp): string {
  const database = new Database(portal.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
  try {
    const rows = database.prepare(`SELECT "id", "email" FROM "User" ORDER BY "createdAt" DESC`).all() as { id: string; email: string }[];
    return rows.find((r) => email.test(r.email))!.id;
  } finally {
    database.close();
  }
}

function audits(): number {
  const database = new Database(portal.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
  const { n } = database.prepare('SELECT COUNT(*) AS n FROM "AuditEvent"').get() as { n: number };
  database.close();
  return n;
}

/** Every page under app/(staff), with a made-up id for dynamic segments. */
function staffPages(): string[] {
  const dir = path.join(root, "app", "(staff)");
  const pages: string[] = [];
  const walk = (folder: string, url: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full, `${url}/${name.startsWith("[") ? "00000000-0000-4000-8000-000000000000" : name}`);
      else if (name === "page.tsx") pages.push(url || "/");
    }
  };
  walk(dir, "");
  return pages;
}

/** Every route handler of the staff and admin APIs, with made-up values for dynamic segments. */
function staffRoutes(): string[] {
  const routes: string[] = [];
  const walk = (folder: string, url: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full, `${url}/${name.startsWith("[") ? "0".repeat(64) : name}`);
      else if (name === "route.ts") routes.push(url);
    }
  };
  for (const area of ["staff", "admin"]) walk(path.join(root, "app", "api", area), `/api/${area}`);
  return routes;
}

/** A staff account from the operator's CLI, with its one-time password. */
function cliStaff(email: string, role: "MODERATOR" | "ADMIN"): string {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "staff.ts"), "create", "--email", email, "--role", role], {
    cwd: root,
    env: portal.env,
    encoding: "utf8",
  });
  const password = /One-time password[^:]*: (\S+)/.exec(result.stdout)?.[1];
  if (!password) throw new Error(`npm run staff failed:\n${result.stdout}\n${result.stderr}`);
  return password;
}

beforeAll(async () => {
  // One proxy in front: the client address is the X-Forwarded-For entry it appended.
  portal = await startPortal({ STAFF_2FA: "required", TRUSTED_PROXY_HOPS: "1" });
  base = portal.base;
});
afterAll(() => portal?.stop());

describe("signing in without JavaScript", () => {
  it("the form posts; the password is never in a URL, and a GET with it signs nobody in", async () => {
    const html = await (await get("/login")).text();
    const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="password"'))!;
    expect(form).toMatch(/^<form[^>]*method="post"/i);
    const leaked = await get(`/login?email=${encodeURIComponent(ADMIN.email)}&password=${encodeURIComponent(ADMIN.password)}`);
    expect(sessionCookie(leaked)).toBeUndefined();

    const wrong = await postForm(base, "/login", [["email", ADMIN.email], ["password", "not the password"]], {}, 'name="password"');
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain('id="sign-in-error"');

    const response = await postForm(base, "/login", [["email", ADMIN.email], ["password", ADMIN.password]], {}, 'name="password"');
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe("/account/two-factor"); // no factor yet: enrol first
    expect(response.headers.get("location")).not.toContain("password=");
    expect(sessionCookie(response)).toBeTruthy();
  });
});

describe("STAFF_2FA=required", () => {
  let enrolling = "";
  let ready = "";

  it("a user without a second factor opens no staff page, export or evidence file, only enrolment", async () => {
    const signedIn = await postForm(base, "/login", [["email", ADMIN.email], ["password", ADMIN.password]], {}, 'name="password"');
    enrolling = sessionCookie(signedIn)!;
    const pages = staffPages();
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const page of pages) {
      const response = await get(page, enrolling);
      if (page === "/account/two-factor") expect(response.status, page).toBe(200);
      else expect([response.status, locationOf(response)], page).toEqual([307, "/account/two-factor"]);
    }
    for (const route of staffRoutes()) expect((await get(route, enrolling)).status, route).toBe(401);
  });

  it("enrolment over plain form posts: a wrong code is refused, the right one shows ten recovery codes once and renews the session", async () => {
    const page = await (await get("/account/two-factor", enrolling)).text();
    key = /data-testid="totp-key"[^>]*>([^<]+)</.exec(page)![1].trim();
    expect(key.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
    expect(page).toMatch(/<svg[^>]*viewBox/);

    const wrong = await postForm(base, "/account/two-factor", [["code", "000000"]], { cookie: enrolling }, 'name="code"');
    expect(await wrong.text()).toContain('id="enrol-code-error"');
    const done = await postForm(base, "/account/two-factor", [["code", await nextCode(key)]], { cookie: enrolling }, 'name="code"');
    const html = await done.text();
    recovery = [...html.matchAll(/<li>([a-z2-9]{5}-[a-z2-9]{5})<\/li>/g)].map((m) => m[1]);
    expect(recovery).toHaveLength(10);
    ready = sessionCookie(done)!;
    expect(ready).toBeTruthy();
    expect((await get("/queue", ready)).status).toBe(200);
    expect(locationOf(await get("/queue", enrolling))).toBe("/login"); // the id from before the factor opens nothing
    expect(await (await get("/account/two-factor", ready)).text()).not.toMatch(/<li>[a-z2-9]{5}-[a-z2-9]{5}<\/li>/); // shown once
  });

  it("every staff action refuses a user who has not enrolled, and changes nothing", async () => {
    // The actions, as the pages of a signed-in admin offer them to a browser without JavaScript.
    const actions = new Map<string, string>(); // id → the page that offers it (Next resolves an action per page)
    // Deactivating is a second step, on the page that asks for confirmation: ask about another account.
    cliStaff(`other-${Date.now()}@security.test`, "MODERATOR");
    const other = userIdOf(/^other-/);
    for (const page of ["/queue", "/admin/staff", `/admin/staff?deactivate=${other}`, "/admin/partners", "/admin/categories", "/account/security"]) {
      const html = await (await get(page, ready)).text();
      for (const m of html.matchAll(/name="\$ACTION_ID_([0-9a-f]+)"/g)) if (!actions.has(m[1])) actions.set(m[1], page);
    }
    // The header's sign-out and the language switch need no sign-in at all.
    const own = await (await get("/account/two-factor", ready)).text();
    const header = /<header[\s\S]*?<\/header>/.exec(own)![0];
    for (const m of header.matchAll(/name="\$ACTION_ID_([0-9a-f]+)"/g)) actions.delete(m[1]);
    expect(actions.size).toBeGreaterThanOrEqual(5);

    const email = `blocked-${Date.now()}@security.test`;
    const blockedPassword = cliStaff(email, "ADMIN");
    let cookie = await signIn(base, email, blockedPassword);
    const changed = await postForm(base, "/account/password", [["current", blockedPassword], ["next", "a new long passphrase"], ["confirm", "a new long passphrase"]], { cookie }, 'name="confirm"');
    expect([changed.status, locationOf(changed)]).toEqual([303, "/queue"]);
    cookie = [cookie, ...cookiesOf(changed)].join("; ");
    expect(locationOf(await get("/queue", cookie))).toBe("/account/two-factor");

    const before = audits();
    for (const [id, page] of actions) {
      const form = new FormData();
      form.set(`$ACTION_ID_${id}`, "");
      form.set("userId", "someone");
      form.set("sessionId", "someone");
      const response = await fetch(`${base}${page}`, { method: "POST", body: form, headers: { cookie, origin: base }, redirect: "manual" });
      expect([response.status, locationOf(response)], `${page} ${id}`).toEqual([303, "/account/two-factor"]);
    }
    expect(audits()).toBe(before);
  });
});

const withRecoveryCode = () => signIn(base, ADMIN.email, ADMIN.password, recovery.shift());

describe("every way out ends the session on the server", () => {
  const withRecovery = withRecoveryCode;

  it("next-auth's own POST /api/auth/signout: a copied cookie no longer opens /queue, and /api/auth/session answers {}", async () => {
    const cookie = await withRecovery();
    expect((await get("/queue", cookie)).status).toBe(200);
    expect(await (await get("/api/auth/session", cookie)).json()).toHaveProperty("expires");
    const csrf = await get("/api/auth/csrf", cookie);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = [cookie, ...cookiesOf(csrf)].join("; ");
    const out = await fetch(`${base}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({ csrfToken, json: "true" }),
      redirect: "manual",
    });
    expect(out.status).toBeLessThan(400);
    expect(locationOf(await get("/queue", cookie))).toBe("/login");
    expect(await (await get("/api/auth/session", cookie)).json()).toEqual({});
    expect(portal.logs()).not.toMatch(/"level":50[^\n]*JWT_SESSION_ERROR/);
  });

  it("the header's sign-out button", async () => {
    const cookie = await withRecovery();
    const out = await postForm(base, "/queue", [], { cookie, "accept-language": "en" }, ">Sign out<");
    expect(out.status).toBe(303);
    expect(locationOf(await get("/queue", cookie))).toBe("/login");
  });

  it("ending one session from /account/security, and signing out everywhere else", async () => {
    const [a, b, c] = [await withRecovery(), await withRecovery(), await withRecovery()];
    const html = await (await get("/account/security", a)).text();
    const rows = [...html.matchAll(/<tr(?: data-current="true")?[^>]*>[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    const other = rows.find((r) => !r.includes("data-current") && r.includes('name="sessionId"'))!;
    expect(rows.filter((r) => r.includes('name="sessionId"')).length).toBeGreaterThanOrEqual(3);
    const sessionId = /name="sessionId" value="([^"]+)"/.exec(other)![1];
    const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(other)![1];
    const form = new FormData();
    form.set(`$ACTION_ID_${actionId}`, "");
    form.set("sessionId", sessionId);
    expect((await fetch(`${base}/account/security`, { method: "POST", body: form, headers: { cookie: a, origin: base }, redirect: "manual" })).status).toBe(303);
    const open = async () => Promise.all([a, b, c].map(async (cookie) => (await get("/queue", cookie)).status === 200));
    expect((await open()).filter(Boolean)).toHaveLength(2); // a and one of b, c

    const everywhere = await postForm(base, "/account/security", [], { cookie: a, "accept-language": "en" }, ">Sign out everywhere else<");
    expect(everywhere.status).toBe(303);
    expect(await open()).toEqual([true, false, false]);
  });

  it("a password change ends every other session of the user", async () => {
    const [a, b] = [await withRecovery(), await withRecovery()];
    const change = (from: string, to: string) => postForm(base, "/account/password", [["current", from], ["next", to], ["confirm", to]], { cookie: a }, 'name="confirm"');
    const changed = await change(ADMIN.password, `${ADMIN.password} changed`);
    expect([changed.status, locationOf(changed)]).toEqual([303, "/account/security"]);
    expect((await get("/queue", a)).status).toBe(200);
    expect(locationOf(await get("/queue", b))).toBe("/login");
    expect((await change(`${ADMIN.password} changed`, ADMIN.password)).status).toBe(303); // back, for the tests below
  });
});

describe("hostile input on sign-in and account pages", () => {
  const credentials = async (body: string, contentType: string) => {
    const csrf = await get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": contentType, cookie: cookiesOf(csrf).join("; ") },
      body: body.replace("TOKEN", csrfToken),
    });
  };

  it("next-auth's endpoint: malformed JSON is a 400, arrays where strings belong sign nobody in and leak nothing", async () => {
    expect((await credentials("{", "application/json")).status).toBe(400);
    expect((await credentials("not json", "application/json")).status).toBe(400);
    expect((await credentials("x".repeat(70_000), "application/x-www-form-urlencoded")).status).toBe(413);
    const arrays = await credentials(JSON.stringify({ csrfToken: "TOKEN", email: [ADMIN.email], password: [ADMIN.password], code: { $gt: "" }, json: "true" }), "application/json");
    expect(arrays.status).toBeLessThan(500);
    expect(sessionCookie(arrays)).toBeUndefined();
    expect(await arrays.text()).not.toMatch(/is not a function|TypeError/);
  });

  it("a 12 MB password on the no-JS form is a plain refusal, not a 500", async () => {
    const response = await postForm(base, "/login", [["email", ADMIN.email], ["password", "p".repeat(12 * 1024 * 1024)]], {}, 'name="password"');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="sign-in-error"');
  });

  it("a new password must differ from the current one, every empty field is named, and new recovery codes need the password", async () => {
    const cookie = await withRecoveryCode();
    const empty = await (await postForm(base, "/account/password", [["current", ""], ["next", ""], ["confirm", ""]], { cookie }, 'name="confirm"')).text();
    expect(empty).toContain('id="current-error"');
    expect(empty).toContain('id="next-error"');
    const same = await (await postForm(base, "/account/password", [["current", ADMIN.password], ["next", ADMIN.password], ["confirm", ADMIN.password]], { cookie, "accept-language": "en" }, 'name="confirm"')).text();
    expect(same).toContain("not the one you have now");

    const without = await (await postForm(base, "/account/security", [["password", ""]], { cookie, "accept-language": "en" }, 'name="password"')).text();
    expect(without).not.toMatch(/<li>[a-z2-9]{5}-[a-z2-9]{5}<\/li>/);
    expect(without).toContain('id="codes-password-error"');
    const wrong = await (await postForm(base, "/account/security", [["password", "not my password"]], { cookie }, 'name="password"')).text();
    expect(wrong).not.toMatch(/<li>[a-z2-9]{5}-[a-z2-9]{5}<\/li>/);
    const right = await (await postForm(base, "/account/security", [["password", ADMIN.password]], { cookie }, 'name="password"')).text();
    recovery = [...right.matchAll(/<li>([a-z2-9]{5}-[a-z2-9]{5})<\/li>/g)].map((m) => m[1]);
    expect(recovery).toHaveLength(10);
  });
});

describe("no lockout by strangers", () => {
  it("50 wrong passwords from 5 client addresses; then the right password and code from a 6th succeeds, and the 5 stay refused", async () => {
    const from = (address: string) => ({ "x-forwarded-for": address });
    const attackers = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"];
    const signedIn = (response: Response) => sessionCookie(response) !== undefined;
    const attempts = await Promise.all(
      attackers.map(async (address) => {
        const results: boolean[] = [];
        for (let i = 0; i < 10; i++) results.push(signedIn((await postCredentials(base, { email: ADMIN.email, password: `guess-${i}` }, "", from(address))).response));
        return results;
      }),
    );
    expect(attempts.flat()).toEqual(Array(50).fill(false));

    const owner = await postCredentials(base, { email: ADMIN.email, password: ADMIN.password, code: await nextCode(key) }, "", from("198.51.100.6"));
    const cookie = sessionCookie(owner.response)!;
    expect(cookie).toBeTruthy();
    expect((await get("/queue", cookie)).status).toBe(200);

    for (const address of attackers) {
      const { response } = await postCredentials(base, { email: ADMIN.email, password: ADMIN.password, code: recovery[0] }, "", from(address));
      expect(signedIn(response), address).toBe(false);
      expect(await response.text()).toContain("error=locked");
    }
    expect(recovery.length).toBeGreaterThan(0); // the attackers' right guesses did not spend it
  }, 120_000);
});
