import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validSpam } from "@/lib/validation/fixtures";
// @ts-expect-error: a plain ES module without types, run by node directly
import { PAGE_BODY_LIMIT } from "@/scripts/server.mjs";
import { postForm, spamFormEntries } from "./forms";
import { partnerKey, sharedPortal, startPortal, type Portal } from "./harness";

/**
 * Bodies and connections an attacker sends to the public API: each gets a clear 4xx (never
 * a 500), and none of them stalls the requests of others.
 */
let base: string;
beforeAll(() => {
  base = sharedPortal().base;
});

async function post(path: string, body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) {
  const response = await fetch(`${base}${path}`, { method: "POST", headers: { "accept-language": "en", ...headers }, body });
  const text = await response.text();
  return { status: response.status, text };
}

describe("hostile JSON", () => {
  it.each([
    ["nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000)],
    ["nested objects 50,000 deep", '{"a":'.repeat(50_000) + "1" + "}".repeat(50_000)],
    ["a report field nested deep", JSON.stringify({ ...validSpam(), description: "@@" }).replace('"@@"', '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000))],
    ["a 200,000-item array in a field", JSON.stringify({ ...validSpam(), content: Array.from({ length: 200_000 }, () => "x") })],
    ["truncated JSON", JSON.stringify(validSpam()).slice(0, 50)],
    ["JSON null", "null"],
    ["a bare string", '"report"'],
  ])("%s: a 4xx, never a 500", async (_, body) => {
    const { status } = await post("/api/v1/reports", body);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it("invalid UTF-8 bytes are a 400", async () => {
    const bytes = Buffer.concat([Buffer.from('{"category":"spam","description":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]);
    expect((await post("/api/v1/reports", bytes)).status).toBe(400);
  });

  it("a body over the limit is a 413, even when Content-Length lies", async () => {
    expect((await post("/api/v1/reports", "x".repeat(6 * 1024 * 1024))).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 7; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
        controller.close();
      },
    });
    const response = await fetch(`${base}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("after a 413 the same connection still serves the next request; an endless body is cut off", async () => {
    const { hostname, port } = new URL(base);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: Buffer | null, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: hostname, port, path: body ? "/api/v1/reports" : "/api/v1/categories", method: body ? "POST" : "GET", agent, headers }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(body ?? undefined);
      });
    try {
      expect(await send(Buffer.alloc(7 * 1024 * 1024, 32), { "content-type": "application/json" })).toBe(413);
      expect(await send(null)).toBe(200);
      // More than twice the limit, with no Content-Length: refused, and the server is fine.
      const endless = await new Promise<number | "closed">((resolve) => {
        const req = request({ host: hostname, port, path: "/api/v1/reports", method: "POST", headers: { "content-type": "application/json" } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", () => resolve("closed"));
        const chunk = Buffer.alloc(1024 * 1024, 32);
        let sent = 0;
        const pump = () => {
          while (sent < 64 && req.write(chunk)) sent++;
          if (sent < 64) req.once("drain", pump);
          else req.end();
        };
        pump();
      });
      expect([413, "closed"]).toContain(endless);
      expect((await fetch(`${base}/api/v1/categories`)).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it("an unknown content type is a 415 and malformed multipart a 400", async () => {
    expect((await post("/api/v1/reports", "<report/>", { "content-type": "application/xml" })).status).toBe(415);
    expect((await post("/api/v1/reports", "--x\r\nnot a part", { "content-type": "multipart/form-data; boundary=x" })).status).toBe(400);
  });

  it.each([
    ["100,000 unknown keys", JSON.stringify({ ...validSpam(), ...Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])) })],
    ["a number with 100,000 digits", JSON.stringify(validSpam()).replace("{", `{"n":${"9".repeat(100_000)},`)],
  ])("%s besides a valid report: the extra is ignored, never a 500", async (_, body) => {
    expect([201, 422]).toContain((await post("/api/v1/reports", body)).status);
  });
});

describe("hostile batches", () => {
  let portal: Portal;
  let key: string;
  beforeAll(async () => {
    portal = await startPortal();
    key = partnerKey(portal.env);
  });
  afterAll(() => portal?.stop());

  const batch = async (body: string) => {
    const response = await fetch(`${portal.base}/api/v1/reports/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body,
    });
    return response.status;
  };

  it.each([
    ["10,000 items", JSON.stringify({ reports: Array.from({ length: 10_000 }, () => validSpam()) })],
    ["no reports", '{"reports":[]}'],
    ["reports not a list", '{"reports":{"0":{}}}'],
    ["__proto__ as the list", '{"__proto__":{"reports":[]},"reports":"x"}'],
    ["items that are not objects", '{"reports":[1,"x",null,[],true]}'],
  ])("%s: a 4xx or per-item errors, never a 500", async (_, body) => {
    const status = await batch(body);
    expect([200, 400, 413, 422]).toContain(status);
  });
});

describe("big form posts to pages", () => {
  it("a 12 MB file on a report form gets the form's own answer, not a 500; a post over the page limit is a 413", async () => {
    const big = new Blob([new Uint8Array(12 * 1024 * 1024)], { type: "image/png" });
    const over = await postForm(base, "/report/spam", [...spamFormEntries(), ["evidence", big, "photo.png"]], { "accept-language": "en" });
    expect(over.status).toBe(200);
    expect(await over.text()).toMatch(/10 MB/);
    const huge = new Blob([new Uint8Array(PAGE_BODY_LIMIT + 1024)]);
    const refused = await postForm(base, "/report/spam", [...spamFormEntries(), ["evidence", huge, "a.png"]]);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("10 MB");
  });
});

describe("the report forms' upload route (/api/forms/report)", () => {
  const send = (entries: [string, string | Blob, string?][], headers: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [name, value, fileName] of entries) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, value, fileName);
    }
    return fetch(`${base}/api/forms/report`, { method: "POST", body: form, headers: { origin: base, "accept-language": "en", ...headers } });
  };

  it("files a valid report and answers with the receipt, as the page expects it", async () => {
    const response = await send(spamFormEntries([["submissionKey", "upload-route-valid-0001"], ["js", "1"]]));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { ok: boolean; data: { receipt: string } };
    expect(body.ok).toBe(true);
    expect(body.data.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  });

  it("answers hostile posts with the form's own 4xx result, never a 500", async () => {
    const cases: [string, Response, number][] = [
      ["a __proto__ field", await send(spamFormEntries([["__proto__.polluted", "yes"]])), 400],
      ["a constructor path", await send(spamFormEntries([["urls.constructor.prototype.x", "1"]])), 400],
      ["no category", await send(spamFormEntries().filter(([name]) => name !== "category")), 400],
      ["an unknown category", await send([["category", "weather"], ["description", "x"]]), 400],
      ["missing answers", await send([["category", "spam"]]), 422],
      ["a 12 MB file", await send([...spamFormEntries(), ["evidence", new Blob([new Uint8Array(12 * 1024 * 1024)], { type: "image/png" }), "big.png"]]), 422],
    ];
    for (const [name, response, status] of cases) {
      expect(response.status, name).toBe(status);
      const body = (await response.json()) as { ok: boolean };
      expect(body.ok, name).toBe(false);
    }
  });

  it("refuses a body that is not multipart, one that does not parse, and a post from another site", async () => {
    const plain = await fetch(`${base}/api/forms/report`, { method: "POST", body: "category=spam", headers: { origin: base, "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    const broken = await fetch(`${base}/api/forms/report`, {
      method: "POST",
      body: "--x\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nspam",
      headers: { origin: base, "content-type": "multipart/form-data; boundary=x" },
    });
    expect(broken.status).toBe(400);
    const elsewhere = await send(spamFormEntries(), { origin: "https://evil.example" });
    expect(elsewhere.status).toBe(403);
  });
});

describe("HTTP methods", () => {
  it.each(["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"])("%s is a 405 on pages and the API, never a 500", async (method) => {
    for (const path of ["/", "/api/v1/reports", "/api/v1/reports/batch", "/queue"]) {
      // fetch refuses to send TRACE: a raw request, as an attacker's tool sends it.
      const { status, allow } = await new Promise<{ status?: number; allow?: string }>((resolve, reject) => {
        const req = request(`${base}${path}`, { method }, (res) => {
          res.resume();
          resolve({ status: res.statusCode, allow: res.headers.allow });
        });
        req.on("error", reject);
        req.end();
      });
      expect(status, `${method} ${path}`).toBe(405);
      expect(allow).toBe("GET, HEAD, POST, OPTIONS");
    }
  });
});

describe("slow clients", () => {
  it("200 connections that trickle their headers do not stall another request", async () => {
    const sockets: Socket[] = [];
    const { hostname, port } = new URL(base);
    for (let i = 0; i < 200; i++) {
      const socket = connect(Number(port), hostname);
      socket.on("error", () => {});
      socket.write("POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n");
      sockets.push(socket);
    }
    try {
      const started = Date.now();
      const response = await fetch(`${base}/api/v1/categories`);
      expect(response.status).toBe(200);
      // Generous: the point is that it is answered at all while the others hang.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});
