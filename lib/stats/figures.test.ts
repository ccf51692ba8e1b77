import { describe, expect, it } from "vitest";
import { assembleStats, type StatsParts } from "./figures";

const none = { count: 0, median: null, p90: null };
const parts = (over: Partial<StatsParts> = {}): StatsParts => ({
  breakdown: { rows: [], overdue: [] },
  firstDecision: new Map(),
  closure: new Map(),
  previous: new Map(),
  yearEarlier: new Map(),
  daily: [],
  backlog: { byStatus: {}, byAge: { "under-1d": 0, "1-3d": 0, "3-7d": 0, "over-7d": 0 }, total: 0, oldest: null },
  moderators: [],
  topTargets: [],
  ...over,
});
const q = { from: 20261101, to: 20261130, category: null };

describe("assembleStats, without a database", () => {
  it("splits crime into cases and information reports, counts outcomes, subtypes and the SLA", () => {
    const stats = assembleStats(q, new Date(), parts({
      breakdown: {
        rows: [
          { category: "crime", subtype: "romance", informationOnly: false, status: "actioned", onTime: 1, n: 3 },
          { category: "crime", subtype: "phishing", informationOnly: true, status: "received", onTime: -1, n: 2 },
          { category: "spam", subtype: null, informationOnly: false, status: "rejected", onTime: 0, n: 4 },
        ],
        overdue: [{ category: "crime", informationOnly: true, count: 2 }],
      },
      previous: new Map([["crime-case", 6]]),
    }));
    const by = Object.fromEntries(stats.segments.map((s) => [s.segment, s]));
    expect(by["crime-case"]).toMatchObject({ received: 3, receivedPrevious: 6, outcomes: { actioned: 3 }, sla: { onTime: 3, due: 3 }, subtypes: [{ subtype: "romance", received: 3 }] });
    expect(by["crime-info"]).toMatchObject({ received: 2, outcomes: { open: 2 }, sla: { onTime: 0, due: 2 }, toFirstDecision: none });
    expect(by.spam).toMatchObject({ received: 4, outcomes: { rejected: 4 }, sla: { onTime: 0, due: 4 } });
    expect(stats.totals).toMatchObject({ received: 9, receivedPrevious: 6, sla: { onTime: 3, due: 9 } });
  });

  it("shows only the asked category's segments", () => {
    const stats = assembleStats({ ...q, category: "crime" }, new Date(), parts());
    expect(stats.segments.map((s) => s.segment)).toEqual(["crime-case", "crime-info"]);
  });
});
