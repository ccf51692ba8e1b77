import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { validSpam } from "@/lib/validation/fixtures";
import { cleanup, exited, prepare, scratch, startServer } from "./harness";

/**
 * Shutdown: SIGTERM to `npm start` while requests are in flight. Those requests complete
 * (201, and stored), new requests are refused (at the socket, or with 503 on a kept-alive
 * connection), and the process exits within 15 s.
 */
const s = scratch(3220);
afterAll(() => cleanup(s));

describe("SIGTERM during load", () => {
  it("completes the requests in flight, refuses new ones, and exits within 15 s", { timeout: 180_000 }, async () => {
    prepare(s);
    const server = await startServer(s, "npm-start");
    for (let i = 0; i < 3; i++) {
      // Warm up, so that the first requests are not slowed by the server's first compile.
      await fetch(`${s.base}/api/v1/reports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(validSpam()) });
    }
    // A large photo each, so that re-encoding keeps the requests busy when SIGTERM comes.
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: "gaussian", mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    const send = (i: number) => {
      const form = new FormData();
      form.set("report", JSON.stringify({ ...validSpam(), description: `Shutdown test report number ${i}, sent before SIGTERM.` }));
      form.set("evidence", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
      return fetch(`${s.base}/api/v1/reports`, { method: "POST", body: form });
    };

    let stopping = Infinity;
    let completedAfterSigterm = 0;
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      send(i).then((r) => {
        if (r.status === 201 && Date.now() > stopping) completedAfterSigterm++;
        return r;
      }),
    );
    // SIGTERM once the first of them is stored: the others are being handled right then.
    const db = new Database(path.join(s.dir, "portal.db"), { readonly: true });
    const count = db.prepare(`SELECT COUNT(*) AS n FROM "Report" WHERE "description" LIKE 'Shutdown test report number %'`);
    while ((count.get() as { n: number }).n === 0) await new Promise((r) => setTimeout(r, 10));
    stopping = Date.now();
    process.kill(-server.pid!, "SIGTERM"); // the process group: npm start and its next server
    const responses = await Promise.allSettled(inFlight);
    const finished = (Date.now() - stopping) / 1000;
    const after = await send(999).then((r) => `status ${r.status}`, (e: Error) => `refused (${(e.cause as { code?: string })?.code ?? e.message})`);
    const { code, signal } = await exited(server);
    const seconds = (Date.now() - stopping) / 1000;

    const statuses = responses.map((r) => (r.status === "fulfilled" ? r.value.status : "network error"));
    const stored = (count.get() as { n: number }).n;
    db.close();
    console.log(`shutdown: of 20 requests in flight, ${statuses.filter((x) => x === 201).length} answered 201 (${completedAfterSigterm} of them after SIGTERM), ` +
      `${statuses.filter((x) => x === 503).length} refused with 503, ${statuses.filter((x) => x === "network error").length} closed unread; ${stored} stored; ` +
      `the last finished ${finished.toFixed(1)} s after SIGTERM; a new request after that: ${after}; exited (${code ?? signal}) ${seconds.toFixed(1)} s after SIGTERM`);

    // Requests being handled when SIGTERM came finish with 201; any not yet taken up are
    // refused cleanly (503, or the connection closed before they were read), never half done.
    expect(completedAfterSigterm).toBeGreaterThan(0);
    for (const status of statuses) expect([201, 503, "network error"]).toContain(status);
    expect(stored).toBe(statuses.filter((x) => x === 201).length);
    // Refused at the socket, or on a kept-alive connection answered 503 and closed.
    expect(after).toMatch(/^refused|^status 503$/);
    expect(seconds).toBeLessThan(15);
  });
});
