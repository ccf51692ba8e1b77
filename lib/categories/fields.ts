import {
  CONTENT_TYPES,
  HARMFUL_INFO_SUBTYPES,
  PLATFORMS,
  CONTACT_METHODS,
  CRIME_SUBTYPES,
  PAYMENT_METHODS,
  SUSPECT_KINDS,
  SPAM_CHANNELS,
  SPAM_SUBTYPES,
  INFRINGEMENT_TYPES,
  WORK_TYPES,
  EVIDENCE_TYPES,
  FILE_LIMITS,
  LOCALES,
  type Category,
} from "@/lib/validation/options";

export type FieldType =
  | "string"
  | "text"
  | "boolean"
  | "integer"
  | "decimal"
  | "datetime"
  | "date"
  | "url"
  | "email"
  | "phone"
  | "country"
  | "currency"
  | "enum"
  | "object"
  | "array"
  | "file"
  | "files"
  | "file-or-text";

/**
 * One form field, described well enough to render it. `requirement` is "conditional" when
 * `when` holds: a plain-language rule, mirrored exactly by the category's zod schema.
 */
export type FieldSpec = {
  name: string;
  type: FieldType;
  requirement: "required" | "optional" | "conditional";
  when?: string;
  values?: readonly string[];
  min?: number;
  max?: number;
  /** For objects, and for the items of an array. */
  fields?: FieldSpec[];
  /** For `file` and `files`. */
  accept?: readonly string[];
  maxBytes?: number;
};

const req = (name: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  requirement: "required",
  ...extra,
});
const opt = (name: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  requirement: "optional",
  ...extra,
});
const cond = (name: string, type: FieldType, when: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  requirement: "conditional",
  when,
  ...extra,
});

const fileAccept = { accept: EVIDENCE_TYPES, maxBytes: FILE_LIMITS.maxFileBytes };
const contact = [opt("name", "string"), opt("email", "email"), opt("phone", "phone")];

function common(category: Category): FieldSpec[] {
  return [
    req("description", "text", { min: 10, max: 5000 }),
    category === "copyright"
      ? req("contact", "object", { fields: contact, when: "email or phone required" })
      : category === "harmful-info"
        ? cond("contact", "object", "optional; must be left out when subtype is child-abuse", { fields: contact })
        : opt("contact", "object", { fields: contact }),
    req("goodFaith", "boolean", { values: ["true"] }),
    opt("locale", "enum", { values: LOCALES }),
  ];
}

export const FIELDS: Record<Category, FieldSpec[]> = {
  "harmful-info": [
    req("subtype", "enum", { values: HARMFUL_INFO_SUBTYPES }),
    ...common("harmful-info"),
    cond("urls", "array", "required unless locator is given", {
      min: 1,
      max: 10,
      fields: [req("url", "url")],
    }),
    cond("locator", "text", "required unless urls are given", { max: 1000 }),
    req("platform", "enum", { values: PLATFORMS }),
    opt("contentType", "enum", { values: CONTENT_TYPES }),
    opt("firstSeenAt", "datetime"),
    opt("howReached", "text", { max: 1000 }),
    cond("evidence", "files", "at least one image when urls is empty; none when subtype is child-abuse", {
      max: FILE_LIMITS.maxFiles,
      ...fileAccept,
    }),
  ],
  crime: [
    req("subtype", "enum", { values: CRIME_SUBTYPES }),
    ...common("crime"),
    req("filingFor", "enum", { values: ["self", "third-party"] }),
    cond("victim", "object", "filingFor is third-party", {
      fields: [req("name", "string"), opt("phone", "phone"), opt("email", "email")],
    }),
    req("incidentStart", "datetime"),
    opt("incidentEnd", "datetime"),
    req("location", "object", {
      fields: [req("country", "country"), opt("region", "string"), opt("city", "string")],
    }),
    req("moneyLost", "boolean"),
    cond("amountLost", "object", "moneyLost is true", {
      fields: [req("value", "decimal"), req("currency", "currency")],
    }),
    cond("transactions", "array", "moneyLost is true", {
      min: 1,
      max: 20,
      fields: [
        req("date", "date"),
        req("amount", "decimal"),
        req("currency", "currency"),
        req("method", "enum", { values: PAYMENT_METHODS }),
        opt("recipientName", "string"),
        opt("recipientAccount", "string"),
        opt("transactionId", "string"),
      ],
    }),
    opt("contactMethod", "enum", { values: CONTACT_METHODS }),
    opt("suspects", "array", {
      max: 20,
      fields: [req("kind", "enum", { values: SUSPECT_KINDS }), req("value", "string")],
    }),
    req("ongoingDanger", "boolean"),
    opt("reportedElsewhere", "text", { max: 1000 }),
    opt("evidence", "files", { max: FILE_LIMITS.maxFiles, ...fileAccept }),
  ],
  spam: [
    req("channel", "enum", { values: SPAM_CHANNELS }),
    opt("subtype", "enum", { values: SPAM_SUBTYPES }),
    ...common("spam"),
    req("sender", "string"),
    cond("recipient", "phone", "channel is sms or call"),
    req("receivedAt", "datetime"),
    cond("content", "text", "channel is sms, im or app-push", { max: 10_000 }),
    cond("rawEmail", "text", "channel is email, unless an .eml file is attached as evidence"),
    opt("callDetails", "object", {
      when: "channel is call",
      fields: [opt("durationSec", "integer", { min: 0, max: 86_400 }), opt("claimedIdentity", "string")],
    }),
    opt("evidence", "files", { max: FILE_LIMITS.maxFiles, ...fileAccept }),
  ],
  copyright: [
    ...common("copyright"),
    req("submitterRole", "enum", { values: ["rightholder", "agent"] }),
    req("rightholder", "object", {
      fields: [req("name", "string"), req("address", "string"), req("phone", "phone"), req("email", "email")],
    }),
    cond("agentAuthorization", "file", "submitterRole is agent", fileAccept),
    req("work", "object", {
      fields: [req("title", "string"), req("type", "enum", { values: WORK_TYPES }), opt("originalUrl", "url")],
    }),
    req("ownershipProof", "file-or-text", { min: 20, ...fileAccept }),
    req("infringingUrls", "array", { min: 1, max: 50, fields: [req("url", "url")] }),
    opt("infringementType", "enum", { values: INFRINGEMENT_TYPES }),
    req("requestedAction", "enum", { values: ["remove", "disable-link"] }),
    req("accuracyStatement", "boolean", { values: ["true"] }),
    req("signature", "string"),
    opt("evidence", "files", { max: FILE_LIMITS.maxFiles, ...fileAccept }),
  ],
};
