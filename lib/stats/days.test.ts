import { describe, expect, it } from "vitest";
import { addDays, dayOf, daysBetween, formatDay, isDay, parseDay, startOfDay, weekOf, yearEarlier } from "./days";

describe("Beijing days", () => {
  it("puts an instant on its Beijing calendar day", () => {
    expect(dayOf(new Date("2026-11-26T15:59:59.999Z"))).toBe(20261126);
    expect(dayOf(new Date("2026-11-26T16:00:00.000Z"))).toBe(20261127);
    expect(startOfDay(20261127).toISOString()).toBe("2026-11-26T16:00:00.000Z");
  });

  it("does day arithmetic across months, years and leap days", () => {
    expect(addDays(20261231, 1)).toBe(20270101);
    expect(addDays(20280301, -1)).toBe(20280229);
    expect(daysBetween(20260101, 20270101)).toBe(365);
    expect(yearEarlier(20280229)).toBe(20270228);
  });

  it("parses only real dates", () => {
    expect(parseDay("2026-02-28")).toBe(20260228);
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("26-02-01")).toBeNull();
    expect(isDay(20261340)).toBe(false);
    expect(formatDay(20260705)).toBe("2026-07-05");
  });

  it("starts weeks on Monday", () => {
    expect(weekOf(20261126)).toBe(20261123); // a Thursday
    expect(weekOf(20261123)).toBe(20261123);
    expect(weekOf(20261129)).toBe(20261123); // Sunday
    expect(weekOf(20270101)).toBe(20261228);
  });
});
