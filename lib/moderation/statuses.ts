/**
 * Public statuses (spec/api.md) and the moves between them that staff may make: plain data
 * with no database, which the server enforces (lib/server/moderation/) and the staff forms
 * (components/staff/) offer.
 */
export const STATUSES = [
  "received",
  "in-review",
  "needs-info",
  "forwarded",
  "actioned",
  "rejected",
  "duplicate",
  "closed",
] as const;
export type Status = (typeof STATUSES)[number];

/** Reports that still need a moderator: the queue's default view. */
export const OPEN_STATUSES: readonly Status[] = ["received", "in-review", "needs-info"];

/** After these the reporter can no longer write, and no decision may follow. */
export const FINAL_STATUSES: readonly Status[] = ["actioned", "rejected", "duplicate", "closed"];

export const DECISIONS = ["actioned", "rejected", "duplicate", "needs-info", "forwarded", "closed"] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Which decisions each status allows. A forwarded report waits on the agency: it can only
 * be closed, or marked actioned once the agency reports back.
 */
export const ALLOWED: Record<Status, readonly Decision[]> = {
  received: DECISIONS,
  "in-review": DECISIONS,
  "needs-info": DECISIONS,
  forwarded: ["actioned", "closed"],
  actioned: [],
  rejected: [],
  duplicate: [],
  closed: [],
};

export function canDecide(from: string, decision: Decision): boolean {
  return (ALLOWED[from as Status] ?? []).includes(decision);
}
