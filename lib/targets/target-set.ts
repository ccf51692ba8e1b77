export type TargetKind = "url" | "phone" | "email" | "account" | "ip";
export type Target = { kind: TargetKind; value: string };

/**
 * How many target keys one report may store. A report is about one campaign; a hundred keys
 * group it with every related report, while an .eml of 200,000 links once wrote 200,001 rows
 * and a 101 MB review page.
 */
export const MAX_TARGETS = 100;

/**
 * Distinct targets in the order found: the first `cap` are kept, the rest only counted, so
 * that the review page can say "and N more". Counting needs every distinct key in memory;
 * the scan budget (SCAN_BUDGET_CHARS) bounds how many there can be.
 */
export class TargetSet {
  private readonly seen = new Set<string>();
  readonly kept: Target[] = [];

  constructor(private readonly cap = MAX_TARGETS) {}

  add(kind: TargetKind, value: string | undefined): void {
    if (!value) return;
    const key = `${kind}:${value}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.kept.length < this.cap) this.kept.push({ kind, value });
  }

  /** Distinct targets found beyond the cap. */
  get omitted(): number {
    return this.seen.size - this.kept.length;
  }
}
