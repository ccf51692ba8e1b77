import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { sharedPortal, ADMIN } from "./harness";
import { actionFields } from "./forms";
import { postCredentials } from "./staff";

/**
 * Requests that an outside test found Next answering with a 500 (or a redirect to another
 * host) before any of the portal's code ran. scripts/server.mjs refuses them first; the
 * auth options keep next-auth's redirects on the site.
 */

/** A raw HTTP/1.1 request, exactly as written: fetch would normalise the target. */
function raw(base: string, head: string): Promise<{ status: number; location?: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${head}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, location: /\r\nlocation: ([^\r\n]*)/i.exec(data)?.[1] });
    });
  });
}

describe("request targets", () => {
  it.each(["/report/%ff", "/queue/%ff", "/queue/%ED%A0%80", "/api/staff/evidence/%ff/%fe", "/api/staff/evidence/%c0%ae%c0%ae/x", "/api/auth/%ff", "/status?x=%ff"])(
    "GET %s: a path that does not decode is a 400, never a 500",
    async (path) => {
      const { status } = await raw(sharedPortal().base, `GET ${path} HTTP/1.1`);
      if (path.includes("?")) expect(status).toBe(200); // only the path must decode
      else expect(status).toBe(400);
    },
  );

  it("a request target that is a full URL is a 400, never a redirect to that host", async () => {
    const { status, location } = await raw(sharedPortal().base, "GET http://evil.example/queue HTTP/1.1");
    expect(status).toBe(400);
    expect(location).toBeUndefined();
  });
});

describe("form posts from another origin", () => {
  it.each(["http://evil.example", "null", "http://127.0.0.1.evil.example", "%ff"])("Origin %s: a 403, and the form did nothing", async (origin) => {
    const { base } = sharedPortal();
    const form = new FormData();
    for (const [name, value] of await actionFields(base, "/", {}, 'name="locale"')) form.append(name, value);
    form.append("locale", "en");
    form.append("returnTo", "/");
    const response = await fetch(`${base}/`, { method: "POST", body: form, headers: { origin }, redirect: "manual" });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("locale="))).toBe(false);
  });

  it("the same post from this site works", async () => {
    const { base } = sharedPortal();
    const form = new FormData();
    for (const [name, value] of await actionFields(base, "/", {}, 'name="locale"')) form.append(name, value);
    form.append("locale", "en");
    form.append("returnTo", "/");
    const response = await fetch(`${base}/`, { method: "POST", body: form, headers: { origin: base }, redirect: "manual" });
    expect(response.status).toBe(303);
  });
});

describe("next-auth callbackUrl in the sign-in body", () => {
  it.each(["\\/evil.example", "http://[", "%2F%2Fevil.example", "https://evil.example/x"])(
    "%s: the sign-in still works and its redirect stays on the site",
    async (callbackUrl) => {
      const { base } = sharedPortal();
      const { response } = await postCredentials(base, { email: ADMIN.email, password: ADMIN.password, callbackUrl });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(true);
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).origin).toBe(new URL(base).origin);
    },
  );
});
