import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { LOCALES } from "@/lib/validation/options";
import { auditSentence, type AuditWords } from "./audit-sentence";

const words: AuditWords = {
  person: (id) => ({ u1: "li.na@example.org", u2: "wang@example.org" })[id] ?? id,
  nobody: (action) => (action === "message:reporter" ? "the reporter" : "the system"),
  status: (s) => `«${s}»`,
  role: (r) => `«${r}»`,
  report: (id) => id.slice(0, 8),
  category: (c) => `«${c}»`,
};
const row = (action: string, extra: Partial<{ actorId: string | null; reportId: string; before: unknown; after: unknown }> = {}) => ({
  action,
  actorId: extra.actorId === undefined ? "u1" : extra.actorId,
  reportId: extra.reportId ?? null,
  before: extra.before === undefined ? null : JSON.stringify(extra.before),
  after: extra.after === undefined ? null : JSON.stringify(extra.after),
});

describe("auditSentence", () => {
  it("says who decided what on which report, with the reason, and lists what changed", () => {
    const s = auditSentence(
      row("decide:actioned", { reportId: "9f1c2d3e-aaaa-bbbb-cccc-000000000000", before: { status: "in-review", claimedById: "u1" }, after: { status: "actioned", claimedById: null, reason: "Phishing site, taken down." } }),
      words,
    );
    expect(s.key).toBe("decideWithReason");
    expect(s.values).toMatchObject({ actor: "li.na@example.org", decision: "«actioned»", report: "9f1c2d3e", reason: "Phishing site, taken down." });
    expect(s.changes).toEqual([
      { field: "status", from: "«in-review»", to: "«actioned»" },
      { field: "claimedById", from: "li.na@example.org", to: undefined },
    ]);
  });

  it("names the staff member an admin acted on, and the reporter or the system when no one did", () => {
    expect(auditSentence(row("staff-role", { before: { userId: "u2", role: "MODERATOR" }, after: { userId: "u2", role: "ADMIN" } }), words)).toMatchObject({
      key: "staff-role",
      values: { user: "wang@example.org", role: "«ADMIN»" },
      changes: [{ field: "role", from: "«MODERATOR»", to: "«ADMIN»" }],
    });
    expect(auditSentence(row("message:reporter", { actorId: null, reportId: "r1", after: { messageId: "m1" } }), words)).toMatchObject({ key: "message:reporter", values: { actor: "the reporter" }, changes: [] });
  });

  it("keeps an unknown action readable, and survives details that are not JSON objects", () => {
    const s = auditSentence({ action: "something-new", actorId: null, reportId: null, before: "not json", after: "[1,2]" }, words);
    expect(s.key).toBe("unknown");
    expect(s.values.action).toBe("something-new");
    expect(s.changes).toEqual([{ field: "value", from: "not json", to: "[1,2]" }]);
  });

  it("says what the system linked, to which case, and why", () => {
    const s = auditSentence(
      row("auto-link", {
        actorId: null,
        reportId: "r2",
        before: { status: "received" },
        after: { status: "duplicate", duplicateOfId: "r1", duplicateOfCase: "R-2026-000007", earlierStatus: "actioned", earlierDecidedAt: "2026-11-30T10:00:00.000Z", target: { kind: "phone", value: "+8613800138000" } },
      }),
      words,
    );
    expect(s).toEqual({
      key: "auto-link",
      values: { actor: "the system", report: "r2", original: "R-2026-000007", earlier: "«actioned»", target: "+8613800138000" },
      changes: [{ field: "status", from: "«received»", to: "«duplicate»" }],
    });
    const setting = auditSentence(row("category-setting", { before: { category: "spam", autoLinkKnown: false }, after: { category: "spam", autoLinkKnown: true } }), words);
    expect(setting).toMatchObject({ key: "category-setting", values: { category: "«spam»" }, changes: [{ field: "autoLinkKnown", from: "false", to: "true" }] });
  });

  it("has a sentence in both languages for every action the portal records", () => {
    const actions = ["claim", "release", "note", "message:staff", "message:reporter", "sign-in", "sign-in-password", "sign-in-recovery-code", "sign-in-code-failed", "sign-in-codes-suspended", "session-end", "session-end-others", "password-change", "2fa-enrol", "2fa-recovery-codes", "staff-deactivate", "staff-reactivate", "staff-reset-password", "staff-reset-2fa", "staff-create", "staff-role", "partner-create", "partner-revoke", "decide:closed", "export:stats", "auto-link", "category-setting"];
    for (const locale of LOCALES) {
      const events = messagesFor(locale).auditAdmin.events as Record<string, string>;
      const fields = messagesFor(locale).auditAdmin.fields as Record<string, string>;
      for (const action of actions) expect(events[auditSentence(row(action), words).key], `${locale} ${action}`).toBeTruthy();
      expect(events.decideWithReason && events.unknown).toBeTruthy();
      for (const field of ["status", "claimedById", "role", "claimExpiresAt", "duplicateOfId", "forwardedToId", "forwardReference", "otherSessionsEnded", "ended", "enrolled", "autoLinkKnown"]) expect(fields[field], `${locale} field ${field}`).toBeTruthy();
    }
  });
});
