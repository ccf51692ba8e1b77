/**
 * The allowed values of every choice in the forms, and the file limits. Kept free of zod
 * and of the phone-number library, so that pages can render the forms without loading the
 * validation code, which the browser fetches only when it first checks a form.
 */

export const HARMFUL_INFO_SUBTYPES = [
  "political-security",
  "terrorism",
  "fraud-phishing",
  "pornography",
  "child-abuse",
  "vulgar",
  "gambling",
  "privacy-defamation",
  "rumour",
  "other",
] as const;

export const PLATFORMS = [
  "website",
  "app",
  "social-account",
  "livestream",
  "im-group",
  "search-result",
  "cloud-drive",
  "other",
] as const;

export const CONTENT_TYPES = ["text", "image", "video", "livestream", "audio", "app", "link"] as const;

export const CRIME_SUBTYPES = [
  "investment-crypto",
  "romance",
  "phishing",
  "impersonation",
  "shopping-nondelivery",
  "extortion",
  "ransomware",
  "intrusion-malware",
  "identity-theft",
  "gambling",
  "other",
] as const;

export const PAYMENT_METHODS = [
  "bank-transfer",
  "card",
  "e-wallet",
  "crypto",
  "gift-card",
  "cash",
  "other",
] as const;

export const CONTACT_METHODS = ["phone", "sms", "email", "social", "app", "website", "in-person"] as const;

export const SUSPECT_KINDS = [
  "name",
  "phone",
  "email",
  "url",
  "social",
  "im",
  "ip",
  "bank-account",
  "wallet",
] as const;

export const SPAM_CHANNELS = ["sms", "call", "email", "im", "fax", "app-push"] as const;

export const SPAM_SUBTYPES = ["commercial", "fraud-phishing", "harassment", "illegal-content", "other"] as const;

export const WORK_TYPES = ["text", "music", "film-tv", "software", "game", "image", "other"] as const;

export const INFRINGEMENT_TYPES = ["full-copy", "excerpt", "link", "stream", "download", "pirated-sale"] as const;

export const CATEGORIES = ["harmful-info", "crime", "spam", "copyright"] as const;

export const LOCALES = ["zh-CN", "en"] as const;

/** The UTC offset of a form's local times when the browser does not say (China Standard Time). */
export const DEFAULT_OFFSET = "+08:00";

export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === "string" && (CATEGORIES as readonly string[]).includes(value);
}
export type Locale = (typeof LOCALES)[number];

/** Limits from report-categories.md; the browser checks them too, the server decides. */
export const FILE_LIMITS = {
  maxFiles: 5,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 25 * 1024 * 1024,
} as const;

export const EVIDENCE_TYPES = [
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/pdf",
  "text/plain",
  "message/rfc822",
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const IMAGE_TYPES: readonly EvidenceType[] = ["image/png", "image/jpeg", "image/webp"];

export function isImage(file: { type: string }): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(file.type);
}

/** The request-wide limits: at most 5 files and 25 MB across every file field. */
export function fileTotalsProblem(files: readonly { size: number }[]): string | undefined {
  if (files.length > FILE_LIMITS.maxFiles) return `too_many_files:${FILE_LIMITS.maxFiles}`;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > FILE_LIMITS.maxTotalBytes) {
    return `files_total_too_large:${FILE_LIMITS.maxTotalBytes / 1024 / 1024}`;
  }
  return undefined;
}
