import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validSpam } from "@/lib/validation/fixtures";
import { ADMIN, startPortal, type Portal } from "./harness";
import { postForm, spamFormEntries } from "./forms";
import { signIn } from "./staff";

/**
 * Issue #11, items 1 and 11: names and keys that become object paths. One anonymous form
 * post with `__proto__.x` once made every page answer 500 until restart; a crafted queue
 * cursor reached the database query. Each attack runs on a portal of its own, and then the
 * portal must still serve pages, the API and the queue.
 */
let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.stop());

async function stillHealthy() {
  expect((await fetch(`${portal.base}/`)).status).toBe(200);
  expect((await fetch(`${portal.base}/report/spam`)).status).toBe(200);
  expect((await fetch(`${portal.base}/api/v1/categories`)).status).toBe(200);
  const created = await fetch(`${portal.base}/api/v1/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(validSpam()),
  });
  expect(created.status).toBe(201);
}

describe("form field names that reach for a prototype", () => {
  it.each(["__proto__.x", "constructor.prototype.x", "contact.__proto__.isAdmin", "__proto__", "callDetails.constructor.prototype.polluted"])(
    "%s: the post is refused, nothing is stored, and the portal stays up",
    async (name) => {
      const response = await postForm(portal.base, "/report/spam", [...spamFormEntries(), [name, "1"]]);
      expect(response.status).toBe(200); // the form comes back with a plain error, not a receipt
      const html = await response.text();
      expect(html.includes('data-testid="receipt"'), "a receipt was issued").toBe(false);
      expect(html.includes("errors.bad_request"), "the form says the request could not be read").toBe(true);
      await stillHealthy();
    },
  );

  it("a valid post still gets its receipt, and unknown names are ignored", async () => {
    const response = await postForm(portal.base, "/report/spam", [...spamFormEntries(), ["notAField", "x"], ["isAdmin", "true"]]);
    expect(response.status).toBe(200);
    expect((await response.text()).includes('data-testid="receipt"'), "no receipt").toBe(true);
  });
});

describe("JSON keys that reach for a prototype", () => {
  it("a report with __proto__ and constructor keys is validated like any other and pollutes nothing", async () => {
    const body = `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(validSpam()).slice(1)}`;
    const response = await fetch(`${portal.base}/api/v1/reports`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect([201, 422]).toContain(response.status);
    await stillHealthy();
  });

  it("the same keys in a receipt lookup and a message are refused with a 4xx", async () => {
    for (const route of ["receipts/lookup", "receipts/messages"]) {
      const response = await fetch(`${portal.base}/api/v1/${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"__proto__":{"receipt":"x"},"constructor":{"prototype":{"body":"x"}}}',
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    await stillHealthy();
  });
});

describe("query strings and cursors", () => {
  it("crafted queue cursors and filters are ignored: the first page, never a 500", async () => {
    const cookie = await signIn(portal.base, ADMIN.email, ADMIN.password);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const cursors = [
      b64({ s: { gt: 1 }, d: 1, t: 1, at: "2026-01-01T00:00:00Z", id: "x" }),
      b64({ s: 1e308, d: -1, t: "1", at: "not a date", id: { not: "" } }),
      b64({ __proto__: { s: 1 }, constructor: { prototype: { d: 1 } } }),
      b64([1, 2, 3]),
      "%%%",
      "A".repeat(399),
    ];
    for (const after of cursors) {
      for (const sort of ["priority", "oldest", "newest"]) {
        const response = await fetch(`${portal.base}/queue?sort=${sort}&after=${encodeURIComponent(after)}&__proto__[x]=1&constructor[prototype][y]=2`, {
          headers: { cookie },
          redirect: "manual",
        });
        expect(response.status, `${sort} ${after.slice(0, 40)}`).toBe(200);
      }
    }
    await stillHealthy();
  });
});
