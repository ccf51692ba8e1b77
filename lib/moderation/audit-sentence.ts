/**
 * An audit row as a sentence in the reader's language (/admin/audit): which message to use,
 * its values, and what changed, instead of an action code and raw JSON. Plain data in, plain
 * data out; the page translates. Anything not known here still reads as a sentence, with its
 * code ("unknown").
 */
export type AuditRowLike = { action: string; actorId: string | null; reportId: string | null; before: string | null; after: string | null };

/** Names the page knows: staff by id (their email), and translated words. */
export type AuditWords = {
  person: (userId: string) => string;
  /** The actor when there is none: the reporter for their own message, else the system. */
  nobody: (action: string) => string;
  status: (status: string) => string;
  role: (role: string) => string;
  report: (reportId: string) => string;
  category: (category: string) => string;
};

export type AuditSentence = {
  /** A key under auditAdmin.events. */
  key: string;
  values: Record<string, string>;
  /** What changed, as label keys under auditAdmin.fields with the old and new values. */
  changes: { field: string; from?: string; to?: string }[];
};

/** Actions whose sentence needs nothing beyond the actor (and the report). */
const SIMPLE = new Set([
  "claim", "release", "note", "message:staff", "message:reporter",
  "sign-in", "sign-in-password", "sign-in-recovery-code", "sign-in-code-failed", "sign-in-codes-suspended",
  "session-end", "session-end-others", "password-change", "2fa-enrol", "2fa-recovery-codes",
  "staff-deactivate", "staff-reactivate", "staff-reset-password", "staff-reset-2fa", "staff-create", "staff-role",
  "partner-create", "partner-revoke", "open-restricted", "download-restricted", "download-harmful", "staff-restricted",
]);

/** Said by the auto-link sentence itself. */
const LINK_FACTS = ["duplicateOfId", "duplicateOfCase", "earlierStatus", "earlierDecidedAt", "target"];

/** Keys that the sentence already says, or that mean nothing to a reader (row ids). */
const SAID = new Set(["reason", "userId", "messageId", "noteId", "partnerId", "keyPrefix", "name", "email", "via", "sha256"]);

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
}

function shown(field: string, value: unknown, words: AuditWords): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return typeof value === "object" ? JSON.stringify(value) : String(value);
  if (field === "status" || field === "decision") return words.status(value);
  if (field === "role") return words.role(value);
  if (field === "claimedById" || field === "actorId") return words.person(value);
  if (field === "duplicateOfId") return words.report(value);
  return value;
}

export function auditSentence(row: AuditRowLike, words: AuditWords): AuditSentence {
  const before = parse(row.before);
  const after = parse(row.after);
  const actor = row.actorId ? words.person(row.actorId) : words.nobody(row.action);
  const values: Record<string, string> = { actor, report: row.reportId ? words.report(row.reportId) : "" };
  const userId = (after.userId ?? before.userId) as string | undefined;
  if (typeof userId === "string") values.user = words.person(userId);
  if (typeof (after.email ?? after.name) === "string" && !values.user) values.user = String(after.email ?? after.name);
  if (typeof after.name === "string") values.name = after.name;
  if (typeof after.role === "string") values.role = words.role(after.role);

  let key: string;
  if (row.action.startsWith("decide:")) {
    values.decision = words.status(row.action.slice("decide:".length));
    const reason = typeof after.reason === "string" ? after.reason.trim() : "";
    key = reason ? "decideWithReason" : "decide";
    if (reason) values.reason = reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
  } else if (row.action === "auto-link") {
    key = "auto-link";
    values.original = typeof after.duplicateOfCase === "string" ? after.duplicateOfCase : words.report(String(after.duplicateOfId ?? ""));
    values.earlier = words.status(String(after.earlierStatus ?? ""));
    const target = after.target as { value?: unknown } | undefined;
    values.target = typeof target?.value === "string" ? target.value : "";
  } else if (row.action === "category-setting") {
    key = "category-setting";
    values.category = words.category(String(after.category ?? ""));
  } else if (row.action.startsWith("export:")) {
    key = "export";
    values.what = row.action.slice("export:".length);
  } else if (SIMPLE.has(row.action)) {
    key = row.action;
  } else {
    key = "unknown";
    values.action = row.action;
  }

  const changes: AuditSentence["changes"] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SAID.has(field) || (row.action === "auto-link" && LINK_FACTS.includes(field)) || field === "category") continue;
    const from = shown(field, before[field], words);
    const to = shown(field, after[field], words);
    if (from === to) continue;
    changes.push({ field, from, to });
  }
  return { key, values, changes };
}
