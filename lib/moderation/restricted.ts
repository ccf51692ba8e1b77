/**
 * Restricted reports: child sexual abuse material. Only staff an admin has given the
 * "restricted content" permission open them; every opening is audited; everyone else sees
 * that such a report exists (it is counted and queued), never what it holds.
 */
export function isRestricted(report: { category: string; subtype: string | null }): boolean {
  return report.category === "harmful-info" && report.subtype === "child-abuse";
}

/** Prisma filter: reports that are not restricted. */
export const NOT_RESTRICTED = { NOT: { category: "harmful-info", subtype: "child-abuse" } } as const;
