import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { hashReceipt } from "@/lib/server/receipts";
import { validHarmfulInfo, validReports, validSpam } from "@/lib/validation/fixtures";
import { CATEGORIES } from "@/lib/validation/report";
import { smallPng } from "./testing/images";
import { jsonRequest, multipartRequest, snapshot } from "./testing/requests";
import { openContact } from "./contact-seal";

const submit = (body: unknown, headers?: Record<string, string>) => POST(jsonRequest("/api/v1/reports", body, headers));
const MB = 1024 * 1024;


async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|SELECT|INSERT|prisma/i);
  return body;
}

let before: Awaited<ReturnType<typeof snapshot>>;
beforeEach(async () => {
  before = await snapshot();
});
const nothingWritten = async () => expect(await snapshot()).toEqual(before);

describe("POST /api/v1/reports", () => {
  it.each(CATEGORIES)("files a valid %s report: 201 with a receipt and the stored rows", async (category) => {
    const response = await submit(validReports[category]());
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(
      ["category", "expectedBy", "id", "receipt", "sameTargetCount", "status", "submittedAt"],
    );
    expect(body).toMatchObject({ category, status: "received" });
    expect(Date.parse(body.expectedBy)).toBeGreaterThan(Date.parse(body.submittedAt));
    const row = await db.report.findUniqueOrThrow({ where: { id: body.id }, include: { statusHistory: true, targets: true } });
    expect(row.receiptHash).toBe(hashReceipt(body.receipt));
    expect(JSON.stringify(row)).not.toContain(body.receipt);
    expect(row.statusHistory.map((e) => e.status)).toEqual(["received"]);
    expect(row.targets.length).toBeGreaterThan(0);
  });

  it("keeps contact details out of the report's details and marks information-only crime", async () => {
    const crime = { ...validReports.crime(), moneyLost: false, contact: { email: "me@example.org" } };
    const body = await (await submit(crime)).json();
    const row = await db.report.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.informationOnly).toBe(true);
    expect(row.contact).not.toContain("me@example.org"); // sealed (contact-seal.ts)
    expect(JSON.parse(openContact(row.contact!))).toEqual({ email: "me@example.org" });
    expect(row.details).not.toContain("me@example.org");
    expect(JSON.parse(row.details)).not.toHaveProperty("transactions");
  });

  it("puts child abuse, terrorism and ongoing danger at the top, with their shorter targets", async () => {
    const danger = await (await submit({ ...validReports.crime(), ongoingDanger: true })).json();
    const row = await db.report.findUniqueOrThrow({ where: { id: danger.id } });
    expect(row.severity).toBe(2);
    expect(Date.parse(danger.expectedBy) - Date.parse(danger.submittedAt)).toBe(4 * 3600 * 1000);
  });

  describe("malformed input gives its documented error and writes nothing", () => {
    it("400 for malformed JSON", async () => {
      await expectError(await submit("{not json"), 400, "bad_request");
      await nothingWritten();
    });

    it("415 for another body type", async () => {
      const request = jsonRequest("/api/v1/reports", "category=spam", { "content-type": "application/x-www-form-urlencoded" });
      await expectError(await POST(request), 415, "unsupported_media_type");
      await nothingWritten();
    });

    it("422 with per-field messages for a schema failure, in the requested language", async () => {
      const report = { ...validHarmfulInfo(), urls: ["notaurl"], description: "short" };
      const en = await expectError(await submit(report, { "accept-language": "en" }), 422, "validation");
      expect(en.error.fields).toEqual({
        description: ["Enter at least 10 characters."],
        "urls.0": ["Enter a web address, such as example.com/page or https://example.com/page."],
      });
      const zh = await expectError(await submit(report, { "accept-language": "zh-CN" }), 422, "validation");
      expect(zh.error.fields.description).toEqual(["请至少输入 10 个字符。"]);
      await nothingWritten();
    });

    it("422 for a JSON array, null or a number", async () => {
      for (const body of ["[]", "null", "42"]) await expectError(await submit(body), 422, "validation");
      await nothingWritten();
    });

    it("ignores file fields claimed in a JSON body: only uploads are files", async () => {
      const report = { ...validHarmfulInfo(), urls: undefined, locator: "App X, account @x", evidence: [{ name: "a.png", size: 10, type: "image/png" }] };
      const body = await expectError(await submit(report), 422, "validation");
      expect(Object.keys(body.error.fields)).toEqual(["evidence"]);
      await nothingWritten();
    });

    it("400 for a broken multipart body or a missing report part", async () => {
      const broken = new Request("http://localhost/api/v1/reports", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=zzz", "x-forwarded-for": "10.9.9.9" },
        body: "--zzz\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{\"a\":1}",
      });
      await expectError(await POST(broken), 400, "bad_request");
      const form = new FormData();
      form.append("evidence", new Blob(["hello world"]), "a.txt");
      await expectError(await POST(new Request("http://localhost/api/v1/reports", { method: "POST", body: form })), 400, "bad_request");
      await nothingWritten();
    });

    it("415 for an HTML file renamed to .png", async () => {
      const html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>";
      const response = await POST(multipartRequest(validSpam(), [{ name: "evidence", bytes: html, filename: "screenshot.png", type: "image/png" }]));
      await expectError(response, 415, "unsupported_media_type");
      await nothingWritten();
    });

    it("415 for a plain-text file that claims to be an image, and for a disallowed type", async () => {
      await expectError(await POST(multipartRequest(validSpam(), [{ name: "evidence", bytes: "just text", filename: "photo.jpg" }])), 415, "unsupported_media_type");
      const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3b]);
      await expectError(await POST(multipartRequest(validSpam(), [{ name: "evidence", bytes: gif, filename: "a.gif" }])), 415, "unsupported_media_type");
      await nothingWritten();
    });

    it("413 for a file over 10 MB and for files over 25 MB in all", async () => {
      const big = new Uint8Array(10 * MB + 1);
      await expectError(await POST(multipartRequest(validSpam(), [{ name: "evidence", bytes: big, filename: "big.txt" }])), 413, "too_large");
      const nine = new Uint8Array(9 * MB).fill(65);
      const parts = [1, 2, 3].map((i) => ({ name: "evidence", bytes: nine, filename: `${i}.txt` }));
      await expectError(await POST(multipartRequest(validSpam(), parts)), 413, "too_large");
      await nothingWritten();
    });

    it("413 for a JSON body over its limit", async () => {
      await expectError(await submit({ ...validSpam(), content: "x".repeat(6 * MB) }), 413, "too_large");
      await nothingWritten();
    });

    it("422 for more than 5 files", async () => {
      const parts = Array.from({ length: 6 }, (_, i) => ({ name: "evidence", bytes: `note ${i}`, filename: `${i}.txt` }));
      const body = await expectError(await POST(multipartRequest(validSpam(), parts)), 422, "validation");
      expect(Object.keys(body.error.fields)).toEqual(["evidence"]);
      await nothingWritten();
    });

    it("a valid file in an invalid report leaves no file behind", async () => {
      const response = await POST(multipartRequest({ ...validSpam(), sender: "" }, [{ name: "evidence", bytes: await smallPng(), filename: "a.png" }]));
      await expectError(response, 422, "validation");
      await nothingWritten();
    });
  });

  describe("Idempotency-Key", () => {
    it("replays the same 201 body for the same key and body, creating nothing new", async () => {
      const report = validReports.crime();
      const first = await submit(report, { "idempotency-key": "partner-42-0001" });
      expect(first.status).toBe(201);
      const firstBody = await first.json();
      const afterFirst = await snapshot();
      const again = await submit(report, { "idempotency-key": "partner-42-0001" });
      expect(again.status).toBe(201);
      expect(await again.json()).toEqual(firstBody);
      expect(await snapshot()).toEqual(afterFirst);
    });

    it("replays a multipart submission with the same files", async () => {
      const png = await smallPng();
      const report = validSpam();
      const send = () => POST(multipartRequest(report, [{ name: "evidence", bytes: png, filename: "a.png" }], { "idempotency-key": "mp-1" }));
      const first = await (await send()).json();
      const afterFirst = await snapshot();
      expect(await (await send()).json()).toEqual(first);
      expect(await snapshot()).toEqual(afterFirst);
    });

    it("answers 422 idempotency_mismatch for the same key with another body", async () => {
      await submit(validReports.spam(), { "idempotency-key": "key-mismatch" });
      const afterFirst = await snapshot();
      await expectError(await submit({ ...validReports.spam(), sender: "10690000" }, { "idempotency-key": "key-mismatch" }), 422, "idempotency_mismatch");
      expect(await snapshot()).toEqual(afterFirst);
    });

    it("creates one report when the same request races with itself", async () => {
      const report = validReports.copyright();
      const responses = await Promise.all(Array.from({ length: 5 }, () => submit(report, { "idempotency-key": "race-1" })));
      const bodies = await Promise.all(responses.map((r) => r.json()));
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
      expect(await db.report.count({ where: { id: bodies[0].id } })).toBe(1);
    });

    it("rejects a key longer than 64 characters", async () => {
      await expectError(await submit(validReports.spam(), { "idempotency-key": "k".repeat(65) }), 400, "bad_request");
      await nothingWritten();
    });
  });

  describe("sameTargetCount", () => {
    it("counts earlier reports on a URL however it is spelled", async () => {
      const url = (u: string) => ({ ...validHarmfulInfo(), urls: [u] });
      const first = await (await submit(url("https://Forum.example.org/t/123?utm_source=wx"))).json();
      expect(first.sameTargetCount).toBe(0);
      const second = await (await submit(url("HTTPS://forum.EXAMPLE.org:443/t/123#reply-4"))).json();
      expect(second.sameTargetCount).toBe(1);
      const third = await (await submit(url("https://forum.example.org/t/123?fbclid=XYZ&gclid=1"))).json();
      expect(third.sameTargetCount).toBe(2);
      const other = await (await submit(url("https://forum.example.org/t/124"))).json();
      expect(other.sameTargetCount).toBe(0);
    });

    it("links categories: a spam sender number is the same target as a crime suspect's", async () => {
      const crime = { ...validReports.crime(), suspects: [{ kind: "phone", value: "+86 137 1234 5678" }] };
      await submit(crime);
      const spam = await (await submit({ ...validSpam(), sender: "137-1234-5678", content: "Win a prize now" })).json();
      expect(spam.sameTargetCount).toBe(1);
    });
  });
});
