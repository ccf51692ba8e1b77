import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validCrime, validSpam } from "@/lib/validation/fixtures";
import { root, startPortal, type Portal } from "./harness";

/**
 * Issue #11 item 7: the batch endpoint took 100 reports per request from anyone. Replayed
 * against the production build: anonymous and forged requests get 401 and store nothing,
 * a revoked key gets 403 and stores nothing, and only a key made by `npm run partner`
 * stores reports, marked as that trusted flagger's.
 */
let portal: Portal;

function partnerCli(...args: string[]): string {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "partner.ts"), ...args], {
    cwd: root,
    env: portal.env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm run partner -- ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function rows(sql: string, ...params: unknown[]): unknown[] {
  const db = new Database(path.join(portal.dir, "portal.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}
const count = (sql: string, ...params: unknown[]) => Number((rows(sql, ...params)[0] as { n: number }).n);
const reports = () => count(`SELECT COUNT(*) AS n FROM "Report"`);

/** The attack: a full batch of 100 reports, every target distinct. */
const fullBatch = (tag: string) =>
  JSON.stringify({ reports: Array.from({ length: 100 }, (_, i) => ({ ...validSpam(), sender: `1069${tag}${String(i).padStart(3, "0")}` })) });

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${portal.base}/api/v1/reports/batch`, { method: "POST", headers: { "content-type": "application/json", "accept-language": "en", ...headers }, body });

beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe("batch intake without a valid partner key", () => {
  it("answers 401 to anonymous and forged requests and stores nothing", async () => {
    const before = reports();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "" },
      { authorization: "Bearer" },
      { authorization: `Bearer rpk_${"x".repeat(43)}` },
      { authorization: "Basic YWRtaW46YWRtaW4=" },
      { authorization: "Bearer ' OR 1=1 --" },
      { "x-api-key": `rpk_${"x".repeat(43)}` },
    ];
    for (const [i, headers] of attempts.entries()) {
      const response = await post(fullBatch(String(100 + i)), headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const body = await response.json();
      expect(body).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Authorization: Bearer") } });
    }
    expect(reports()).toBe(before);
  });

  it("stores a partner's batch, marked as the trusted flagger's, and answers 403 once its key is revoked", async () => {
    const created = partnerCli("create", "--name", "Security Test Flagger");
    const key = /^rpk_[A-Za-z0-9_-]{43}$/m.exec(created)?.[0];
    expect(key, created).toBeDefined();
    const id = /\(id ([^)]+)\)/.exec(created)![1];
    // Stored hashed: no column of the partner's row holds the key, or the part after its prefix.
    const row = JSON.stringify(rows(`SELECT * FROM "Partner" WHERE "id" = ?`, id));
    expect(row).toContain("Security Test Flagger");
    expect(row).not.toContain(key!.slice(10));

    const ok = await post(JSON.stringify({ reports: [validSpam(), validCrime()] }), { authorization: `Bearer ${key}` });
    expect(ok.status).toBe(200);
    const { results } = await ok.json();
    expect(results.map((r: { status: number }) => r.status)).toEqual([201, 201]);
    expect(count(`SELECT COUNT(*) AS n FROM "Report" WHERE "partnerId" = ? AND "severity" >= 1`, id)).toBe(2);

    partnerCli("revoke", "--id", id);
    expect(partnerCli("list")).toMatch(/revoked/);
    const before = reports();
    const refused = await post(fullBatch("900"), { authorization: `Bearer ${key}` });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect(reports()).toBe(before);
  });
});
