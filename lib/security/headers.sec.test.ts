import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, sharedPortal, startPortal, type Portal } from "./harness";
import { postForm } from "./forms";
import { signIn } from "./staff";

/**
 * Issue #11, item 8: no page sent a Content-Security-Policy, and nothing sent HSTS. Every
 * page now carries a CSP whose scripts run only with a nonce that is new on every response;
 * when the public URL is https, HSTS is sent and the language cookie is Secure.
 */
const PUBLIC_PAGES = ["/", "/report/spam", "/report/crime", "/report/copyright", "/report/harmful-info", "/status", "/transparency", "/after-you-report", "/privacy", "/login", "/no-such-page"];
const STAFF_PAGES = ["/queue", "/admin/stats", "/admin/staff", "/admin/audit", "/account/password"];

function scriptSrc(policy: string): string {
  const directive = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
  if (!directive) throw new Error(`no script-src in ${policy}`);
  return directive;
}

/** The nonce of a page's CSP, after checking that every script tag of its HTML carries it. */
async function checkPage(base: string, path: string, cookie?: string): Promise<string> {
  const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  expect([200, 404], `${path} answered ${response.status}`).toContain(response.status);
  const policy = response.headers.get("content-security-policy");
  expect(policy, `${path} has no CSP`).toBeTruthy();
  const scripts = scriptSrc(policy!);
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(scripts, path).toContain("'strict-dynamic'");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scripts)?.[1];
  expect(nonce, `${path}: no nonce in ${scripts}`).toBeTruthy();
  for (const rule of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) expect(policy, path).toContain(rule);
  const tags = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(tags.length, `${path} has no scripts`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, `${path}: a script without the response's nonce`).toContain(`nonce="${nonce}"`);
  return nonce!;
}

describe("content security policy (http)", () => {
  const { base } = sharedPortal();

  it("every public page has a nonce-based CSP, its scripts carry that nonce, and the nonce changes per response", async () => {
    for (const path of PUBLIC_PAGES) {
      const first = await checkPage(base, path);
      const second = await checkPage(base, path);
      expect(second, `${path} reused its nonce`).not.toBe(first);
    }
  });

  it("so does every staff page", async () => {
    const cookie = await signIn(base, ADMIN.email, ADMIN.password);
    for (const path of STAFF_PAGES) expect(await checkPage(base, path, cookie)).not.toBe(await checkPage(base, path, cookie));
  });

  it("a form posted without JavaScript comes back as a page with the same protection", async () => {
    const response = await postForm(base, "/report/spam", [["category", "spam"]]);
    expect(response.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    for (const tag of (await response.text()).match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("no HSTS and no Secure language cookie while the public URL is http", async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get("strict-transport-security")).toBeNull();
    expect(page.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    const cookie = await switchLanguage(base);
    expect(cookie).toMatch(/^locale=en;/);
    expect(cookie).not.toMatch(/;\s*secure/i);
  });
});

/** Posts the header's language switch; returns the Set-Cookie of the language cookie. */
async function switchLanguage(base: string): Promise<string> {
  const response = await postForm(
    base,
    "/",
    [
      ["locale", "en"],
      ["returnTo", "/status"],
    ],
    {},
    'name="locale"',
  );
  expect(response.status).toBeLessThan(400);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("locale="));
  if (!cookie) throw new Error(`no language cookie (${response.status})`);
  return cookie;
}

describe("behind https", () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal({ NEXTAUTH_URL: "https://report.example.org" });
  });
  afterAll(() => portal?.stop());

  it("every page sends HSTS and a CSP that upgrades insecure requests", async () => {
    for (const path of PUBLIC_PAGES) {
      const response = await fetch(`${portal.base}${path}`);
      expect(response.headers.get("strict-transport-security"), path).toMatch(/^max-age=31536000\b/);
      expect(response.headers.get("content-security-policy"), path).toContain("upgrade-insecure-requests");
    }
  });

  it("the language cookie is Secure", async () => {
    expect(await switchLanguage(portal.base)).toMatch(/;\s*secure/i);
  });

  it("next-auth's cookies are __Host-/__Secure- and Secure, and signing in still works", async () => {
    const csrf = await fetch(`${portal.base}/api/auth/csrf`);
    const cookies = csrf.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__(Host|Secure)-/);
      expect(cookie).toMatch(/;\s*secure/i);
    }
    const session = await signIn(portal.base, ADMIN.email, ADMIN.password);
    expect(session).toContain("__Secure-next-auth.session-token=");
    expect((await fetch(`${portal.base}/queue`, { headers: { cookie: session }, redirect: "manual" })).status).toBe(200);
  });
});
