/**
 * Request bodies for `npm run bench`: the valid report of each category from the tests'
 * fixtures, with every target (URL, phone, account, sender) made unique by a counter, so
 * that no run piles thousands of reports onto one target and measures that instead.
 */
import { validCopyright, validCrime, validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";

const CATEGORIES = ["harmful-info", "crime", "spam", "copyright"] as const;

/** A mainland mobile number unique for n < 10⁸. */
const mobile = (prefix: string, n: number) => `${prefix}${String(n % 100_000_000).padStart(8, "0")}`;

/** The n-th report, cycling through the four categories; its targets are its own. */
export function reportNumber(n: number): Record<string, unknown> {
  switch (CATEGORIES[n % CATEGORIES.length]) {
    case "harmful-info":
      return { ...validHarmfulInfo(), urls: [`https://casino-${n}.example.com/play?room=${n}`] };
    case "crime": {
      const report = validCrime();
      report.transactions = [
        { date: "2026-11-01", amount: "5000", currency: "CNY", method: "bank-transfer", recipientAccount: `6222 0000 ${String(n).padStart(8, "0")}` },
      ];
      report.amountLost = { value: "5000.00", currency: "CNY" };
      report.suspects = [
        { kind: "phone", value: mobile("138", n) },
        { kind: "url", value: `https://invest-${n}.example.net/app` },
      ];
      return report;
    }
    case "spam":
      return {
        ...validSpam(),
        sender: `+86 ${mobile("139", n)}`,
        content: `Your parcel ${n} is held. Pay the fee at http://parcel-fee-${n}.example.org/pay now.`,
      };
    case "copyright":
      return { ...validCopyright(), infringingUrls: [`https://pirate.example.com/watch/long-river-${n}`] };
  }
}

/** The body of a batch request: `size` consecutive reports, so mixed across categories. */
export function batchNumber(n: number, size: number): { reports: Record<string, unknown>[] } {
  return { reports: Array.from({ length: size }, (_, i) => reportNumber(n * size + i)) };
}
