/** Who holds a report's claim now: a claim counts only while it has not expired. */
export function holderOf(report: { claimedById: string | null; claimExpiresAt: Date | null }, now = new Date()): string | null {
  return report.claimedById && report.claimExpiresAt && report.claimExpiresAt > now ? report.claimedById : null;
}
