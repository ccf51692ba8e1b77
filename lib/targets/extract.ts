import type { Report } from "@/lib/validation/report";
import { canonicalUrl } from "./canonical-url";
import type { EmailFacts } from "./email-message";
import { linksIn } from "./links";
import { phoneNumbersIn, toE164 } from "./phone";

export type TargetKind = "url" | "phone" | "email" | "account" | "ip";
export type Target = { kind: TargetKind; value: string };

/** An account id as typed: case, spaces and a leading @ do not matter. */
export function canonicalAccount(input: string): string {
  return input.trim().replace(/^@/, "").replace(/\s+/g, "").toLowerCase();
}

/**
 * The key of a free-form identifier (a sender, a suspect detail): a phone number in E.164,
 * an email address, a URL, or else an account id.
 */
export function identifierTarget(input: string): Target | undefined {
  const value = input.trim();
  if (!value) return undefined;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { kind: "email", value: value.toLowerCase() };
  const url = /^https?:\/\//i.test(value) ? canonicalUrl(value) : undefined;
  if (url) return { kind: "url", value: url };
  const phone = toE164(value);
  if (phone) return { kind: "phone", value: phone };
  const account = canonicalAccount(value);
  return account ? { kind: "account", value: account } : undefined;
}

function fromText(text: string): Target[] {
  const { urls, emails } = linksIn(text);
  return [
    ...urls.map((value) => ({ kind: "url" as const, value })),
    ...emails.map((value) => ({ kind: "email" as const, value })),
    ...phoneNumbersIn(text).map((value) => ({ kind: "phone" as const, value })),
  ];
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

function spamTargets(report: Extract<Report, { category: "spam" }>, email?: EmailFacts): Target[] {
  const sender = identifierTarget(report.sender);
  const fromEmail: Target[] = email
    ? [
        ...(email.from ? [{ kind: "email" as const, value: email.from }] : []),
        ...email.replyTo.map((value) => ({ kind: "email" as const, value })),
        ...email.urls.map((value) => ({ kind: "url" as const, value })),
        ...email.phones.map((value) => ({ kind: "phone" as const, value })),
        ...email.emails.map((value) => ({ kind: "email" as const, value })),
      ]
    : [];
  // The recipient is the reporter's own number: never a target.
  return [...(sender ? [sender] : []), ...fromText(report.content ?? ""), ...fromEmail];
}

/** Target keys of a report (report-categories.md, "Target keys"), without repeats. */
export function targetsOf(report: Report, email?: EmailFacts): Target[] {
  const all = (() => {
    switch (report.category) {
      case "harmful-info":
        return urlTargets(report.urls);
      case "crime":
        return crimeTargets(report);
      case "spam":
        return spamTargets(report, email);
      case "copyright":
        return urlTargets(report.infringingUrls);
    }
  })();
  const seen = new Map<string, Target>();
  for (const target of all) if (target.value) seen.set(`${target.kind}:${target.value}`, target);
  return [...seen.values()];
}
