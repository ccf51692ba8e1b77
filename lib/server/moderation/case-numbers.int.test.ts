import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { POST as batch } from "@/app/api/v1/reports/batch/route";
import { db } from "@/lib/server/db";
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
