/**
 * A staff case number as people write it ("R-2026-000123", "r-2026-123", "2026-123"), in
 * its stored form, or null. Numbers are given out by lib/server/case-numbers.ts.
 */
export function parseCaseNumber(input: string): string | null {
  const match = /^(?:R-?)?(\d{4})-(\d{1,6})$/i.exec(input.replace(/\s+/g, ""));
  return match ? `R-${match[1]}-${match[2].padStart(6, "0")}` : null;
}

/** `R-2026-000123`: the staff's case number of the n-th report of a year. */
export const formatCaseNumber = (year: number, n: number) => `R-${year}-${String(n).padStart(6, "0")}`;
