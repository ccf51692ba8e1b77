import { scanLinks } from "./links";
import { phoneNumbersIn } from "./phone";
import type { TargetSet } from "./target-set";

/**
 * How much free text of one report is searched for targets: as much as a pasted email may
 * hold (RAW_EMAIL_MAX_CHARS). Searching is linear, but a phone number costs libphonenumber
 * about 50 µs to validate, so a 10 MB .eml of numbers would take most of a minute; the rest
 * of such a message is kept as evidence and left unsearched, which the review page says.
 */
export const SCAN_BUDGET_CHARS = 1_000_000;

/** Reads URLs, email addresses and phone numbers from free text into a TargetSet, within the budget. */
export class TextScanner {
  private left: number;
  /** True when some text was left unsearched for lack of budget. */
  truncated = false;

  constructor(
    private readonly found: TargetSet,
    budget = SCAN_BUDGET_CHARS,
  ) {
    this.left = budget;
  }

  scan(text: string, options: { phones: boolean }): void {
    if (!text) return;
    let piece = text;
    if (piece.length > this.left) {
      piece = piece.slice(0, this.left);
      this.truncated = true;
    }
    this.left -= piece.length;
    if (!piece) return;
    scanLinks(
      piece,
      (url) => this.found.add("url", url),
      (address) => this.found.add("email", address),
    );
    if (options.phones) for (const phone of phoneNumbersIn(piece)) this.found.add("phone", phone);
  }
}
