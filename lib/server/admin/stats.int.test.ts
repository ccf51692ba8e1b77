import { beforeAll, describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { startOfDay, type Day } from "@/lib/stats/days";
import { validReports } from "@/lib/validation/fixtures";
import { claimReport } from "../moderation/claims";
import { decide } from "../moderation/decisions";
import { jsonRequest } from "../testing/requests";
import { reportRows, statsRows } from "./exports";
import { getStats, series } from "./stats";
import { computeTransparency, lastTwelveMonths } from "./transparency";

/**
 * A small history whose figures were worked out by hand (see the comments). "Now" is
 * 2 April 2026, 08:00 Beijing time; the range is March 2026.
 */
const NOW = new Date("2026-04-02T00:00:00Z");
const MARCH = { from: 20260301, to: 20260331, category: null } as const;
const HOUR = 3_600_000;

type Fixture = {
  id: string;
  day: Day;
  at?: Date;
  category?: string;
  subtype?: string | null;
  info?: boolean;
  status: string;
  first?: number;
  closure?: number;
  onTime?: boolean;
  dueInHours?: number;
  targets?: string[];
};

const fixtures: Fixture[] = [
  // harmful-info in March: decided after 1 h, 2 h, 3 h and 10 h; three still open.
  { id: "h1", day: 20260302, subtype: "gambling", status: "actioned", first: 3600, closure: 3600, onTime: true, targets: ["url:https://a.example/"] },
  { id: "h2", day: 20260303, subtype: "gambling", status: "rejected", first: 7200, closure: 7200, onTime: true, targets: ["url:https://a.example/"] },
  { id: "h3", day: 20260305, subtype: "pornography", status: "forwarded", first: 10800, onTime: false, targets: ["url:https://a.example/"] },
  { id: "h4", day: 20260310, subtype: "gambling", status: "received", dueInHours: 72, targets: ["url:https://b.example/"] }, // overdue
  { id: "h5", day: 20260331, at: new Date("2026-03-31T10:00:00Z"), subtype: "terrorism", status: "in-review", dueInHours: 24 * 20 }, // not yet due
  { id: "h6", day: 20260320, subtype: "rumour", status: "duplicate", first: 36000, closure: 36000, onTime: true },
  { id: "h7", day: 20260328, at: new Date("2026-03-28T00:00:00Z"), subtype: "gambling", status: "received", dueInHours: 72 }, // overdue
  // Outside the range: the previous 31 days, a year earlier, and one received "today".
  { id: "h8", day: 20260228, subtype: "gambling", status: "actioned", first: 60, closure: 60, onTime: true },
  { id: "h9", day: 20250315, subtype: "gambling", status: "actioned", first: 60, closure: 60, onTime: true },
  { id: "h10", day: 20260402, at: new Date("2026-04-01T20:00:00Z"), subtype: "gambling", status: "needs-info", first: 600, onTime: true },
  // crime: one case and one information report on the same phone number.
  { id: "c1", day: 20260304, category: "crime", subtype: "phishing", status: "actioned", first: 100, closure: 100, onTime: true, targets: ["phone:+8613800138000"] },
  { id: "c2", day: 20260304, category: "crime", subtype: "phishing", info: true, status: "closed", first: 200, closure: 200, onTime: false, targets: ["phone:+8613800138000"] },
];

const OPEN = ["received", "in-review", "needs-info"];
let moderatorA = "";
let moderatorB = "";

beforeAll(async () => {
  for (const f of fixtures) {
    const submittedAt = f.at ?? new Date(startOfDay(f.day).getTime() + 10 * HOUR);
    await db.report.create({
      data: {
        id: f.id,
        category: f.category ?? "harmful-info",
        subtype: f.subtype ?? null,
        informationOnly: f.info ?? false,
        status: f.status,
        isOpen: OPEN.includes(f.status),
        receiptHash: `hash-${f.id}`,
        description: `fixture ${f.id}`,
        details: "{}",
        contact: JSON.stringify({ email: "private@reporter.test" }),
        submittedAt,
        expectedBy: new Date(submittedAt.getTime() + (f.dueInHours ?? 48) * HOUR),
        receivedDay: f.day,
        firstDecisionAt: f.first === undefined ? null : new Date(submittedAt.getTime() + f.first * 1000),
        firstDecisionSecs: f.first ?? null,
        closedAt: f.closure === undefined ? null : new Date(submittedAt.getTime() + f.closure * 1000),
        closureSecs: f.closure ?? null,
        decidedOnTime: f.onTime ?? null,
        targets: {
          create: (f.targets ?? []).map((t) => {
            const [kind, ...value] = t.split(":");
            return { kind, value: value.join(":"), createdAt: submittedAt, receivedDay: f.day, category: f.category ?? "harmful-info" };
          }),
        },
      },
    });
  }
  const a = await db.user.create({ data: { email: "a@stats.test", name: "A", role: "MODERATOR", passwordHash: "x" } });
  const b = await db.user.create({ data: { email: "b@stats.test", name: "B", role: "MODERATOR", passwordHash: "x" } });
  moderatorA = a.id;
  moderatorB = b.id;
  // A: three decisions in March, handled in 60 s, 120 s and 600 s, one later overturned.
  // B: two, in 30 s and 90 s. One of B's falls in April and is not counted.
  const events: [string, string, string, number, Day, boolean][] = [
    ["h1", "actioned", a.id, 60, 20260302, false],
    ["h2", "rejected", a.id, 600, 20260303, true],
    ["h3", "forwarded", a.id, 120, 20260305, false],
    ["h6", "duplicate", b.id, 30, 20260320, false],
    ["c1", "actioned", b.id, 90, 20260304, false],
    ["h10", "needs-info", b.id, 5, 20260402, false],
  ];
  for (const [reportId, status, actorId, handlingSecs, decidedDay, overturned] of events) {
    const category = fixtures.find((f) => f.id === reportId)!.category ?? "harmful-info";
    await db.statusEvent.create({ data: { reportId, status, actorId, category, handlingSecs, decidedDay, overturned, at: startOfDay(decidedDay) } });
  }
});

describe("statistics", () => {
  it("counts, changes, outcomes and subtypes per category, crime split into cases and information", async () => {
    const stats = await getStats(MARCH, NOW);
    const harmful = stats.segments.find((s) => s.segment === "harmful-info")!;
    expect(harmful.received).toBe(7);
    expect(harmful.receivedPrevious).toBe(1); // h8, 28 Feb, within the 31 days before
    expect(harmful.receivedYearEarlier).toBe(1); // h9
    expect(harmful.outcomes).toEqual({ actioned: 1, rejected: 1, duplicate: 1, forwarded: 1, closed: 0, open: 3 });
    expect(harmful.subtypes).toEqual([
      { subtype: "gambling", received: 4 },
      { subtype: "pornography", received: 1 },
      { subtype: "rumour", received: 1 },
      { subtype: "terrorism", received: 1 },
    ]);
    expect(stats.segments.find((s) => s.segment === "crime-case")).toMatchObject({ received: 1, outcomes: { actioned: 1 } });
    expect(stats.segments.find((s) => s.segment === "crime-info")).toMatchObject({ received: 1, outcomes: { closed: 1 } });
    expect(stats.totals.received).toBe(9);
  });

  it("medians and 90th percentiles of time to first decision and to closure", async () => {
    const harmful = (await getStats(MARCH, NOW)).segments.find((s) => s.segment === "harmful-info")!;
    // First decisions 3600, 7200, 10800, 36000 s: median (7200 + 10800) / 2, p90 rank ⌈3.6⌉ = 4.
    expect(harmful.toFirstDecision).toEqual({ count: 4, median: 9000, p90: 36000 });
    // Closures 3600, 7200, 36000 s: median 7200, p90 rank ⌈2.7⌉ = 3.
    expect(harmful.toClosure).toEqual({ count: 3, median: 7200, p90: 36000 });
  });

  it("SLA compliance counts decided reports and undecided ones already past expected-by", async () => {
    const stats = await getStats(MARCH, NOW);
    // On time: h1, h2, h6. Due: four decided + h4 and h7 overdue; h5 is not due yet.
    expect(stats.segments.find((s) => s.segment === "harmful-info")!.sla).toEqual({ onTime: 3, due: 6 });
    expect(stats.totals.sla).toEqual({ onTime: 4, due: 8 });
  });

  it("the backlog now, by status and by age band, with the oldest open report", async () => {
    const { backlog } = await getStats(MARCH, NOW);
    expect(backlog.byStatus).toEqual({ received: 2, "in-review": 1, "needs-info": 1 });
    // h10 is 4 h old, h5 1.6 days, h7 5 days, h4 23 days.
    expect(backlog.byAge).toEqual({ "under-1d": 1, "1-3d": 1, "3-7d": 1, "over-7d": 1 });
    expect(backlog.oldest?.id).toBe("h4");
  });

  it("decisions, median handling time and overturned decisions per moderator", async () => {
    const { moderators } = await getStats(MARCH, NOW);
    expect(moderators).toEqual([
      { id: moderatorA, email: "a@stats.test", name: "A", decisions: 3, medianHandlingSecs: 120, overturned: 1 },
      { id: moderatorB, email: "b@stats.test", name: "B", decisions: 2, medianHandlingSecs: 60, overturned: 0 },
    ]);
  });

  it("the targets shared by most reports, and the series by day, week and month", async () => {
    const stats = await getStats(MARCH, NOW);
    expect(stats.topTargets).toEqual([
      { kind: "url", value: "https://a.example/", reports: 3 },
      { kind: "phone", value: "+8613800138000", reports: 2 },
    ]);
    const days = series(stats.daily, "day", MARCH.from, MARCH.to);
    expect(days).toHaveLength(31);
    expect(days.find((d) => d.start === 20260304)!.counts).toEqual({ "harmful-info": 0, crime: 2, spam: 0, copyright: 0 });
    const weeks = series(stats.daily, "week", MARCH.from, MARCH.to);
    expect(weeks[0].start).toBe(20260223); // the Monday before Sunday 1 March
    expect(weeks.reduce((a, w) => a + w.counts["harmful-info"], 0)).toBe(7);
    expect(series(stats.daily, "month", MARCH.from, MARCH.to)).toEqual([
      { start: 20260301, counts: { "harmful-info": 7, crime: 2, spam: 0, copyright: 0 } },
    ]);
  });

  it("a category filter narrows every figure", async () => {
    const stats = await getStats({ ...MARCH, category: "crime" }, NOW);
    expect(stats.segments.map((s) => s.segment)).toEqual(["crime-case", "crime-info"]);
    expect(stats.totals.received).toBe(2);
    expect(stats.moderators).toEqual([expect.objectContaining({ id: moderatorB, decisions: 1, medianHandlingSecs: 90 })]);
    expect(stats.topTargets).toEqual([{ kind: "phone", value: "+8613800138000", reports: 2 }]);
  });
});

describe("exports", () => {
  it("the report export equals the fixture row for row, without contact or receipt data", async () => {
    const rows = [];
    for await (const row of reportRows(MARCH)) rows.push(row);
    const expected = fixtures
      .filter((f) => f.day >= MARCH.from && f.day <= MARCH.to)
      .sort((x, y) => x.day - y.day || x.id.localeCompare(y.id));
    expect(rows.map((r) => r.id)).toEqual(expected.map((f) => f.id));
    for (const [i, f] of expected.entries()) {
      expect(rows[i]).toMatchObject({
        category: f.category ?? "harmful-info",
        subtype: f.subtype ?? null,
        status: f.status,
        seconds_to_first_decision: f.first ?? null,
        seconds_to_closure: f.closure ?? null,
        decided_on_time: f.onTime ?? null,
        crime_kind: f.category === "crime" ? (f.info ? "information" : "case") : null,
        targets: (f.targets ?? []).join(" "),
      });
    }
    const text = JSON.stringify(rows);
    expect(text).not.toContain("private@reporter.test");
    expect(text).not.toContain("hash-");
  });

  it("the statistics export uses the DSA template's names", async () => {
    const rows = statsRows(await getStats(MARCH, NOW));
    expect(rows.find((r) => r.segment === "harmful-info")).toMatchObject({
      number_of_notices_received: 7,
      number_of_actions_taken: 1,
      median_time_to_first_decision_hours: 2.5,
      p90_time_to_first_decision_hours: 10,
      number_decided_within_target: 3,
      number_due_by_target: 6,
    });
  });
});

describe("transparency", () => {
  it("covers the 12 complete months and publishes no count under 5", async () => {
    expect(lastTwelveMonths(20260402)).toEqual([
      202504, 202505, 202506, 202507, 202508, 202509, 202510, 202511, 202512, 202601, 202602, 202603,
    ]);
    const report = await computeTransparency(NOW);
    const march = report.categories["harmful-info"].find((r) => r.month === 202603)!;
    // 7 received: published. 1 actioned, 1 forwarded, 1 rejected: suppressed. 4 decided: no median.
    expect(march).toEqual({ month: 202603, received: 7, actioned: "<5", forwarded: "<5", rejected: "<5", medianDays: null });
    expect(report.categories.crime.find((r) => r.month === 202603)!.received).toBe("<5");
    expect(report.categories.spam.every((r) => r.received === "<5")).toBe(true);
  });
});

describe("decisions keep the statistics columns", () => {
  it("time to decision, SLA, handling time, and an overturn by another moderator", async () => {
    const response = await submit(jsonRequest("/api/v1/reports", validReports.spam()));
    const { id } = (await response.json()) as { id: string };
    const a = { id: moderatorA, role: "MODERATOR" as const };
    const b = { id: moderatorB, role: "MODERATOR" as const };
    await claimReport(id, a);
    await decide({ reportId: id, decision: "forwarded", reason: "Sent to the operator.", agencyId: "anti-spam-centre", reference: "R-1" }, a);
    await claimReport(id, b);
    await decide({ reportId: id, decision: "closed", reason: "The operator did not act." }, b);
    const report = await db.report.findUniqueOrThrow({ where: { id } });
    expect(report.receivedDay).toBeGreaterThan(20260000);
    expect(report.firstDecisionSecs).toBeGreaterThanOrEqual(0);
    expect(report.closureSecs).toBeGreaterThanOrEqual(report.firstDecisionSecs!);
    expect(report.decidedOnTime).toBe(true);
    const decisions = await db.statusEvent.findMany({ where: { reportId: id, decidedDay: { not: null } }, orderBy: { at: "asc" } });
    expect(decisions.map((d) => [d.status, d.actorId, d.overturned])).toEqual([
      ["forwarded", moderatorA, true],
      ["closed", moderatorB, false],
    ]);
    expect(decisions.every((d) => d.handlingSecs !== null && d.handlingSecs >= 0)).toBe(true);
    expect((await db.targetKey.findMany({ where: { reportId: id } })).every((t) => t.receivedDay === report.receivedDay)).toBe(true);
  });
});

describe("rollups", () => {
  it("equal a direct count of the reports after inserts, decisions, updates and deletes", async () => {
    await db.report.update({ where: { id: "h7" }, data: { status: "rejected", isOpen: false, firstDecisionSecs: 50, decidedOnTime: true } });
    await db.report.delete({ where: { id: "h9" } });
    const direct = await db.$queryRaw<{ day: number; category: string; status: string; n: bigint | number }[]>`
      SELECT "receivedDay" AS day, "category", "status", COUNT(*) AS n FROM "Report" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const rolled = await db.$queryRaw<{ day: number; category: string; status: string; n: bigint | number }[]>`
      SELECT "day", "category", "status", SUM("n") AS n FROM "StatsDaily" GROUP BY 1, 2, 3 HAVING SUM("n") > 0 ORDER BY 1, 2, 3`;
    const plain = (rows: typeof direct) => rows.map((r) => [Number(r.day), r.category, r.status, Number(r.n)]);
    expect(plain(rolled)).toEqual(plain(direct));
    const durations = await db.$queryRaw<{ n: bigint | number }[]>`SELECT SUM("n") AS n FROM "StatsDuration" WHERE "metric" = 'first'`;
    expect(Number(durations[0].n)).toBe(await db.report.count({ where: { firstDecisionSecs: { not: null } } }));
    const totals = await db.targetTotal.findMany({ where: { total: { gt: 0 } }, orderBy: [{ kind: "asc" }, { value: "asc" }] });
    const keys = await db.targetKey.groupBy({ by: ["kind", "value"], _count: { _all: true }, orderBy: [{ kind: "asc" }, { value: "asc" }] });
    expect(totals.map((t) => [t.kind, t.value, t.total])).toEqual(keys.map((k) => [k.kind, k.value, k._count._all]));
  });
});
