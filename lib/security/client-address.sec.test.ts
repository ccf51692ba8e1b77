import { afterAll, describe, expect, it } from "vitest";
import { validSpam } from "@/lib/validation/fixtures";
import { startPortal, type Portal } from "./harness";

/**
 * Issue #11, item 5: a client that wrote a new X-Forwarded-For on every request was never
 * rate-limited. Without configuration the client is the TCP peer; with
 * TRUSTED_PROXY_HOPS=N only the entry the N-th proxy appended counts.
 */
const portals: Portal[] = [];
afterAll(async () => {
  for (const p of portals) await p.stop();
});

async function submit(base: string, headers: Record<string, string>) {
  const response = await fetch(`${base}/api/v1/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(validSpam()),
  });
  return response.status;
}

describe("client address", () => {
  it("without a proxy, a forged X-Forwarded-For (or X-Real-IP, Forwarded) changes nothing: the peer is limited", async () => {
    const portal = await startPortal({ RATE_LIMIT_SUBMIT: "3/600" });
    portals.push(portal);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        await submit(portal.base, { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `203.0.113.${i}`, forwarded: `for=192.0.2.${i}` }),
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
  });

  it("behind one trusted proxy, the entry it appended is the client; entries the client wrote are ignored", async () => {
    const portal = await startPortal({ RATE_LIMIT_SUBMIT: "2/600", TRUSTED_PROXY_HOPS: "1" });
    portals.push(portal);
    // The same client behind the proxy, writing a new left-hand entry each time: limited.
    const same: number[] = [];
    for (let i = 0; i < 4; i++) same.push(await submit(portal.base, { "x-forwarded-for": `10.0.0.${i}, 198.51.100.7` }));
    expect(same).toEqual([201, 201, 429, 429]);
    // Other clients behind the same proxy have their own limit.
    expect(await submit(portal.base, { "x-forwarded-for": "198.51.100.8" })).toBe(201);
    expect(await submit(portal.base, { "x-forwarded-for": "198.51.100.9" })).toBe(201);
  });

  it("refuses to start with a TRUSTED_PROXY_HOPS that is not a small whole number", async () => {
    await expect(startPortal({ TRUSTED_PROXY_HOPS: "yes" })).rejects.toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
