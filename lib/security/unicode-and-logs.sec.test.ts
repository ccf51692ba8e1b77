import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validCrime, validSpam } from "@/lib/validation/fixtures";
import { partnerKey, startPortal, type Portal } from "./harness";
import { postCredentials } from "./staff";

/**
 * Issue #11, items 3 and 4. A lone surrogate in one field gave a 500, failed a whole batch,
 * and the 500 printed the full insert, the reporter's name, email and phone included, to
 * the log. A newline in a next-auth callbackUrl wrote a forged log line.
 */
let portal: Portal;
let key: string;
beforeAll(async () => {
  portal = await startPortal();
  key = partnerKey(portal.env);
});
afterAll(() => portal?.stop());

/** JSON with a raw escape inserted: JSON.stringify would never write a lone surrogate. */
const withRaw = (report: Record<string, unknown>, field: string, escape: string) =>
  JSON.stringify({ ...report, [field]: "@@" }).replace('"@@"', `"${escape}"`);

const contact = { name: "Zhang Sanfeng-Secret", email: "secret.reporter@example.org", phone: "+8613912345678" };

async function post(body: string, path = "/api/v1/reports", headers: Record<string, string> = {}) {
  return fetch(`${portal.base}${path}`, { method: "POST", headers: { "content-type": "application/json", "accept-language": "en", ...headers }, body });
}

describe("invalid Unicode", () => {
  it.each([
    ["a lone high surrogate", "description", "A text asks me to pay \\ud800 a parcel fee."],
    ["a lone low surrogate", "content", "Pay at http://parcel.example.org/\\udc00x"],
    ["a NUL character", "description", "A text asks me to pay a parcel fee.\\u0000"],
  ])("%s is a 422 naming the field, with nothing stored", async (_, field, escape) => {
    const response = await post(withRaw({ ...validSpam(), contact }, field, escape));
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("validation");
    expect(Object.keys(body.error.fields)).toEqual([field]);
    expect(body.error.fields[field][0]).toMatch(/cannot be stored/);
  });

  it("a lone surrogate in a nested field names that path", async () => {
    const body = JSON.stringify({ ...validCrime(), suspects: [{ kind: "phone", value: "@@" }] }).replace('"@@"', '"138\\ud83d"');
    const response = await post(body);
    expect(response.status).toBe(422);
    expect(Object.keys(((await response.json()) as { error: { fields: object } }).error.fields)).toEqual(["suspects.0.value"]);
  });

  it("in a batch, only the item that carries it fails; the others are stored", async () => {
    const good = JSON.stringify(validSpam());
    const bad = withRaw(validSpam(), "description", "bad \\ud800 text in a description");
    const response = await post(`{"reports":[${good},${bad},${good}]}`, "/api/v1/reports/batch", { authorization: `Bearer ${key}` });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { index: number; status: number; error?: { fields: object } }[] };
    expect(results.map((r) => r.status)).toEqual([201, 422, 201]);
    expect(Object.keys(results[1].error!.fields)).toEqual(["description"]);
  });
});

describe("logs", () => {
  it("are one JSON object per line, and an unexpected failure logs no contact data or report text", async () => {
    // A receipt lookup for a report id that breaks no rule, and a body the server cannot
    // read, put error paths through the log; the contact values must appear nowhere.
    await post(withRaw({ ...validSpam(), contact }, "description", "A text \\ud800 asks me to pay."));
    await post(`{"category":"spam","contact":${JSON.stringify(contact)},"description":`);
    const lines = portal.logs().trim().split("\n");
    for (const line of lines) expect(() => JSON.parse(line), line.slice(0, 200)).not.toThrow();
    const text = portal.logs();
    for (const secret of [contact.name, contact.email, contact.phone, "asks me to pay"]) expect(text).not.toContain(secret);
  });

  it("a newline in a sign-in callbackUrl cannot forge a log line, and is not a 500", async () => {
    const before = portal.logs().split("\n").length;
    const forged = encodeURIComponent("javascript:x\n[api] FORGED");
    for (const path of [`/api/auth/signin?callbackUrl=${forged}`, `/login?callbackUrl=${forged}`, `/api/auth/signin/credentials?callbackUrl=${forged}`]) {
      const response = await fetch(`${portal.base}${path}`, { redirect: "manual" });
      expect(response.status, path).toBeLessThan(500);
    }
    const { response } = await postCredentials(
      portal.base,
      { email: "nobody@example.org", password: "wrong-password-1", callbackUrl: "javascript:x\n[api] FORGED" },
      `next-auth.callback-url=${forged}`,
    );
    expect(response.status).toBeLessThan(500);
    const added = portal.logs().split("\n").slice(before - 1).filter(Boolean);
    for (const line of added) {
      expect(line.startsWith("{"), line.slice(0, 200)).toBe(true);
      expect(() => JSON.parse(line)).not.toThrow();
    }
    expect(portal.logs()).not.toMatch(/^\[api\] FORGED/m);
  });

  it("a failed sign-in is logged as a security event, without the email or password typed", async () => {
    const events = () =>
      portal
        .logs()
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { event?: string })
        .filter((entry) => entry.event === "sign-in-failed");
    const before = events().length;
    await postCredentials(portal.base, { email: "typo.secret@example.org", password: "Hunter2-the-password" });
    expect(events().length).toBe(before + 1);
    expect(portal.logs()).not.toContain("typo.secret@example.org");
    expect(portal.logs()).not.toContain("Hunter2-the-password");
  });
});
