import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module without types, run by node directly
import { clientOf, PAGE_BODY_LIMIT, refusalOf } from "./server.mjs";

describe("clientOf (scripts/server.mjs)", () => {
  it("is the TCP peer when no proxy is trusted, whatever the header says", () => {
    expect(clientOf("::ffff:192.0.2.1", "198.51.100.1", 0)).toBe("192.0.2.1");
    expect(clientOf("2001:db8::1", undefined, 0)).toBe("2001:db8::1");
  });

  it("is the entry the N-th proxy from the right appended", () => {
    expect(clientOf("10.0.0.1", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientOf("10.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("falls back to the peer when the chosen entry is not an address", () => {
    expect(clientOf("10.0.0.1", "<script>, evil", 1)).toBe("10.0.0.1");
    expect(clientOf("10.0.0.1", "", 1)).toBe("10.0.0.1");
  });
});

describe("refusalOf (scripts/server.mjs)", () => {
  const req = (url: string, method = "GET", headers: Record<string, string> = {}) => ({ url, method, headers: { host: "portal.example", ...headers } });

  it("lets ordinary requests through, the API's cross-origin posts included", () => {
    expect(refusalOf(req("/report/spam?x=%ff"))).toBeNull();
    expect(refusalOf(req("/", "POST", { origin: "https://portal.example" }))).toBeNull();
    expect(refusalOf(req("/api/v1/reports", "POST", { origin: "https://partner.example" }))).toBeNull();
    expect(refusalOf(req("/report/spam", "POST", { "content-length": String(PAGE_BODY_LIMIT) }))).toBeNull();
    expect(refusalOf(req("/report/spam", "POST", { "content-length": String(PAGE_BODY_LIMIT + 1) }))).toMatchObject({ status: 413, close: false });
    expect(refusalOf(req("/login", "POST", { "content-length": String(3 * PAGE_BODY_LIMIT) }))).toMatchObject({ status: 413, close: true });
    expect(refusalOf(req("/", "POST"))).toBeNull(); // no Origin: Next's own check decides
  });

  it("refuses targets that are not paths, paths that do not decode, and form posts from elsewhere", () => {
    expect(refusalOf(req("http://evil.example/"))?.status).toBe(400);
    expect(refusalOf(req("*", "OPTIONS"))?.status).toBe(400);
    expect(refusalOf(req("/queue/%E0%A4%A"))?.status).toBe(400);
    expect(refusalOf(req("/", "POST", { origin: "null" }))?.status).toBe(403);
    expect(refusalOf(req("/queue", "POST", { origin: "https://portal.example.evil.example" }))?.status).toBe(403);
    // The forms' upload route is a page form, not the open API.
    expect(refusalOf(req("/api/forms/report", "POST", { origin: "https://evil.example" }))?.status).toBe(403);
    expect(refusalOf(req("/api/forms/report", "POST", { origin: "https://portal.example", "content-length": String(PAGE_BODY_LIMIT + 1) }))?.status).toBe(413);
    expect(refusalOf(req("/api/forms/report", "POST", { origin: "https://portal.example" }))).toBeNull();
  });

  it("compares with the host a trusted proxy forwarded", () => {
    expect(refusalOf(req("/", "POST", { origin: "https://reports.example", "x-forwarded-host": "reports.example" }))).toBeNull();
  });
});
