import type { Report } from "@/lib/validation/report";
import { canonicalUrl } from "./canonical-url";
import type { EmailMessage } from "./email-message";
import { canonicalPhone } from "./phone";
import { TextScanner } from "./scan";
import { TargetSet, type Target } from "./target-set";

export { MAX_TARGETS, type Target, type TargetKind } from "./target-set";

/**
 * A report's target keys: at most MAX_TARGETS, `omitted` more distinct ones found beyond
 * them, and `truncated` when part of its free text was not searched (SCAN_BUDGET_CHARS).
 */
export type ReportTargets = { targets: Target[]; omitted: number; truncated: boolean };

/** An account id as typed: case, spaces and a leading @ do not matter. */
export function canonicalAccount(input: string): string {
  return input.trim().replace(/^@/, "").replace(/\s+/g, "").toLowerCase();
}

/**
 * The key of a free-form identifier (a sender, a suspect detail): a phone number in E.164
 * (or a service number as written, lib/targets/phone.ts),
 * an email address, a URL, or else an account id.
 */
export function identifierTarget(input: string): Target | undefined {
  const value = input.trim();
  if (!value) return undefined;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { kind: "email", value: value.toLowerCase() };
  const url = /^https?:\/\//i.test(value) ? canonicalUrl(value) : undefined;
  if (url) return { kind: "url", value: url };
  const phone = canonicalPhone(value);
  if (phone) return { kind: "phone", value: phone };
  const account = canonicalAccount(value);
  return account ? { kind: "account", value: account } : undefined;
}

function addAll(found: TargetSet, targets: readonly (Target | undefined)[]) {
  for (const target of targets) if (target) found.add(target.kind, target.value);
}

function urlTargets(urls: readonly string[] | undefined): Target[] {
  return (urls ?? []).flatMap((u) => {
    const value = canonicalUrl(u);
    return value ? [{ kind: "url" as const, value }] : [];
  });
}

function crimeTargets(report: Extract<Report, { category: "crime" }>): Target[] {
  const suspects = (report.suspects ?? []).flatMap((s): Target[] => {
    switch (s.kind) {
      case "name":
        return []; // Names are shared by strangers; they do not identify a target.
      case "ip":
        return [{ kind: "ip", value: s.value.trim().toLowerCase() }];
      case "bank-account":
        return [{ kind: "account", value: s.value.replace(/[\s-]/g, "") }];
      case "wallet":
        return [{ kind: "account", value: s.value.trim() }]; // Base58 addresses are case-sensitive.
      case "url": {
        const value = canonicalUrl(s.value);
        return value ? [{ kind: "url", value }] : [];
      }
      default: {
        const target = identifierTarget(s.value);
        return target ? [target] : [];
      }
    }
  });
  const accounts = (report.moneyLost ? (report.transactions ?? []) : []).flatMap((t) =>
    t.recipientAccount ? [{ kind: "account" as const, value: t.recipientAccount.replace(/[\s-]/g, "") }] : [],
  );
  return [...suspects, ...accounts];
}

/** The sender and what the message contains; the recipient is the reporter's own number, never a target. */
function addSpamTargets(
  found: TargetSet,
  scanner: TextScanner,
  report: Extract<Report, { category: "spam" }>,
  email?: EmailMessage,
) {
  addAll(found, [identifierTarget(report.sender)]);
  scanner.scan(report.content ?? "", { phones: true });
  if (!email) return;
  found.add("email", email.facts.from);
  for (const address of email.facts.replyTo) found.add("email", address);
  scanner.scan(email.facts.subject ?? "", { phones: false });
  scanner.scan(email.text, { phones: true });
  // linkify also finds the targets of href attributes when given the HTML itself.
  scanner.scan(email.html, { phones: false });
}

/**
 * Target keys of a report (report-categories.md, "Target keys"), without repeats, in the
 * order found. Linear in the report's size and bounded by SCAN_BUDGET_CHARS.
 */
export function targetsOf(report: Report, email?: EmailMessage): ReportTargets {
  const found = new TargetSet();
  const scanner = new TextScanner(found);
  switch (report.category) {
    case "harmful-info":
      addAll(found, urlTargets(report.urls));
      break;
    case "crime":
      addAll(found, crimeTargets(report));
      break;
    case "spam":
      addSpamTargets(found, scanner, report, email);
      break;
    case "copyright":
      addAll(found, urlTargets(report.infringingUrls));
      break;
  }
  return { targets: found.kept, omitted: found.omitted, truncated: scanner.truncated };
}
