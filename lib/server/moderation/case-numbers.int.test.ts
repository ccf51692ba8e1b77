import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { POST as batch } from "@/app/api/v1/reports/batch/route";
import { db, isPostgres } from "@/lib/server/db";
import { dayOf } from "@/lib/stats/days";
import { validReports, validSpam } from "@/lib/validation/fixtures";
import { reportRows } from "../admin/exports";
import { createPartner } from "../admin/partners";
import { jsonRequest } from "../testing/requests";
import { claimReport } from "./claims";
import { decide } from "./decisions";
import { listQueue, queueFiltersSchema } from "./queue";
import { knownKey, knownTargets } from "./known-targets";
import { sameTargetReports } from "./report-detail";

/** Staff case numbers (R-YYYY-NNNNNN): report-writer.ts allocates them from CaseCounter. */
const numberOf = (caseNumber: string | null) => Number(/^R-\d{4}-(\d{6})$/.exec(caseNumber ?? "")?.[1] ?? NaN);

describe("case numbers", () => {
  it("are sequential within the year, without gaps or repeats, for reports sent at once and in batches", async () => {
    const year = Math.floor(dayOf(new Date()) / 10_000);
    const before = (await db.caseCounter.findUnique({ where: { year } }))?.last ?? 0;
    const { key } = await createPartner({ name: "Case numbers" }, null);
    const singles = Array.from({ length: 24 }, (_, i) => submit(jsonRequest("/api/v1/reports", { ...validSpam(), sender: `+86 139 0000 ${String(1000 + i)}` })));
    const batched = batch(
      jsonRequest("/api/v1/reports/batch", { reports: Object.values(validReports).map((make) => make()) }, { authorization: `Bearer ${key}` }),
    );
    const responses = await Promise.all([...singles, batched]);
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(24).fill(201), 200].sort());
    const rows = await db.report.findMany({ where: { submittedAt: { gte: new Date(Date.now() - 60_000) } }, select: { caseNumber: true } });
    const numbers = rows.map((r) => numberOf(r.caseNumber)).filter((n) => n > before).sort((a, b) => a - b);
    expect(numbers).toHaveLength(24 + 4);
    expect(numbers).toEqual(Array.from({ length: 28 }, (_, i) => before + 1 + i));
    expect(rows.every((r) => r.caseNumber?.startsWith(`R-${year}-`))).toBe(true);
    expect((await db.caseCounter.findUnique({ where: { year } }))?.last).toBe(before + 28);
  });

  // Instances scale out over PostgreSQL; the embedded SQLite database serves one instance
  // (a second process's write transactions get "busy" and the intake answers 503).
  it.runIf(isPostgres())("are unique and without gaps when two instances and this one take them at once", async () => {
    const year = Math.floor(dayOf(new Date()) / 10_000);
    const before = (await db.caseCounter.findUnique({ where: { year } }))?.last ?? 0;
    // Two more instances: their own processes and connections to the same database. Each
    // sends its reports one after another, as does this one, all three from the same moment.
    const instances = ["a", "b"].map((label) => {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/server/testing/intake-instance.ts", "30", label], {
        env: { ...process.env, NODE_ENV: "test" },
        stdio: ["pipe", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const ready = new Promise<void>((resolve) => child.stdout.on("data", () => out.includes("ready") && resolve()));
      const done = new Promise<string[]>((resolve, reject) =>
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as string[]) : reject(new Error(`instance ${label} exited ${code}`)))),
      );
      done.catch(() => undefined); // awaited below; a second failure is not "unhandled"
      return { child, ready, done };
    });
    await Promise.all(instances.map((i) => i.ready));
    for (const { child } of instances) child.stdin.write("go\n");
    const mine: string[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await submit(jsonRequest("/api/v1/reports", { ...validSpam(), content: `here ${i}: pay the parcel fee.` }));
      expect(response.status).toBe(201);
      mine.push(((await response.json()) as { id: string }).id);
    }
    const ids = [...(await Promise.all(instances.map((i) => i.done))).flat(), ...mine];
    expect(new Set(ids).size).toBe(90);
    const rows = await db.report.findMany({ where: { id: { in: ids } }, select: { caseNumber: true } });
    const numbers = rows.map((r) => numberOf(r.caseNumber)).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 90 }, (_, i) => before + 1 + i));
    expect((await db.caseCounter.findUnique({ where: { year } }))?.last).toBe(before + 90);
  });

  it("are found by the queue's search in the ways staff write them, and are in the export", async () => {
    const { id } = (await (await submit(jsonRequest("/api/v1/reports", validSpam()))).json()) as { id: string };
    const { caseNumber } = await db.report.findUniqueOrThrow({ where: { id }, select: { caseNumber: true } });
    const [, year, n] = /^R-(\d{4})-(\d{6})$/.exec(caseNumber!)!;
    for (const q of [caseNumber!, caseNumber!.toLowerCase(), `${year}-${Number(n)}`, ` R-${year}-${Number(n)} `]) {
      const { rows } = await listQueue(queueFiltersSchema.parse({ q, status: "any" }), "nobody");
      expect(rows.map((r) => r.id), q).toEqual([id]);
      expect(rows[0].caseNumber).toBe(caseNumber);
    }
    const exported: { id: unknown; case_number: unknown }[] = [];
    for await (const row of reportRows({ from: dayOf(new Date()), to: dayOf(new Date()), category: null } as never)) exported.push(row);
    expect(exported.find((r) => r.id === id)?.case_number).toBe(caseNumber);
  });

  it("name the original of a duplicate, offered among the reports on the same target or typed", async () => {
    const moderator = await db.user.create({ data: { email: "dup@case.test", name: "Dup", role: "MODERATOR", passwordHash: "x" } });
    const file = async (sender: string) =>
      ((await (await submit(jsonRequest("/api/v1/reports", { ...validSpam(), sender, recipient: "13655550199", content: "Claim your refund today, reply Y." }))).json()) as { id: string }).id;
    const original = await file("+86 139 7777 0001");
    const copy = await file("+86 139 7777 0001");
    const other = await file("+86 139 7777 0002");
    const offered = await sameTargetReports(copy);
    expect(offered.map((o) => o.id)).toEqual([original]);
    const { caseNumber } = await db.report.findUniqueOrThrow({ where: { id: original }, select: { caseNumber: true } });
    const [, year, n] = /^R-(\d{4})-(\d{6})$/.exec(caseNumber!)!;
    await claimReport(other, { id: moderator.id, role: "MODERATOR" });
    await decide({ reportId: other, decision: "duplicate", reason: "Same scam campaign.", duplicateOfId: `r-${year}-${Number(n)}` }, { id: moderator.id, role: "MODERATOR" });
    expect((await db.report.findUniqueOrThrow({ where: { id: other } })).duplicateOfId).toBe(original);
  });

  it("a new report on a target already actioned says so, with the decision and its date", async () => {
    const moderator = await db.user.create({ data: { email: "known@case.test", name: "Known", role: "MODERATOR", passwordHash: "x" } });
    const url = `https://known.example/${Date.now()}`;
    const file = async () => ((await (await submit(jsonRequest("/api/v1/reports", { ...validReports["harmful-info"](), urls: [url] }))).json()) as { id: string }).id;
    const first = await file();
    const before = await knownTargets([{ kind: "url", value: url }], []);
    expect(before.size).toBe(0);
    await claimReport(first, { id: moderator.id, role: "MODERATOR" });
    await decide({ reportId: first, decision: "actioned", reason: "Removed by the host." }, { id: moderator.id, role: "MODERATOR" });
    const later = await file();
    const keys = await db.targetKey.findMany({ where: { reportId: later }, select: { kind: true, value: true } });
    const known = await knownTargets(keys, [later]);
    const hit = [...known.values()].find((k) => k.reportId === first);
    expect(hit).toMatchObject({ status: "actioned", reportId: first });
    expect(hit!.decidedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(known.has(knownKey(hit!))).toBe(true);
    // The decided report itself is not "known" to itself.
    expect([...(await knownTargets(keys, [first])).values()].some((k) => k.reportId === first)).toBe(false);
  });
});
