import type { EvidenceType } from "@/lib/validation/options";

/**
 * The shape of a category declaration: plain data, no zod, no React, so that the form's
 * first load can read it. Everything about a category is derived from its declaration:
 * the zod schema (lib/validation/schema-of.ts), the field list of `GET /api/v1/categories`
 * (fields.ts), the form-to-report conversion (lib/validation/form-values.ts), the storage
 * split (lib/server/report-writer.ts), which questions the form asks (conditions.ts), and
 * the labels of the answers the moderator reads (components/staff/report-fields.tsx).
 */

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

export type Answer = string | boolean;

/**
 * A rule about the answers to the report's top-level fields. Form answers are strings
 * ("true"), a parsed report's are typed (true); `is` compares them as text.
 */
export type Condition =
  | { readonly field: string; readonly is: readonly Answer[] }
  | { readonly field: string; readonly isNot: readonly Answer[] }
  /** Not given: missing, blank, or a list of blanks. */
  | { readonly field: string; readonly absent: true }
  /** A list of files with none of this type. */
  | { readonly field: string; readonly lacksFileType: EvidenceType }
  | { readonly all: readonly Condition[] };

export type FieldDeclaration = {
  readonly name: string;
  readonly type: FieldType;
  /** `true`: always required. A condition: required when it holds. Left out: optional. */
  readonly required?: true | Condition;
  /** Asked only when this holds; an answer given otherwise is dropped from the report. */
  readonly askedWhen?: Condition;
  /** Must be left out when this holds, and so is not asked then. */
  readonly forbiddenWhen?: Condition;
  /**
   * Issue keys (lib/i18n messages, `validation`) for the rules above. A conditional
   * requirement's key is "<name>_required" unless `required` says otherwise.
   */
  readonly messages?: {
    readonly required?: string;
    readonly forbidden?: string;
    readonly order?: string;
    readonly atLeastOne?: string;
    readonly invalid?: string;
  };
  /** For `enum`: the allowed values. For `boolean`: ["true"] when it must be ticked. */
  readonly values?: readonly string[];
  /** The message namespace that names each value, when not the usual one (see valueNamesFor). */
  readonly valueNames?: string;
  /** Length for text, rows for lists, value for integers. */
  readonly min?: number;
  readonly max?: number;
  /** Text kept exactly as given, not trimmed (a pasted email). */
  readonly verbatim?: true;
  /** A date-time that may not be before this top-level field's. */
  readonly notBefore?: string;
  /** For a required list of files: the requirement is an image among them. */
  readonly needsImage?: true;
  /** For objects: at least one of these children must be given (path of the issue: the first). */
  readonly atLeastOne?: readonly string[];
  /** Stored as an evidence file, not among the report's details. */
  readonly storedAsFile?: true;
  /** For objects. */
  readonly fields?: readonly FieldDeclaration[];
  /** For arrays: one item. A list of URLs has the item { name: "url", type: "url" }. */
  readonly item?: FieldDeclaration;
};

export type CategoryDeclaration = {
  readonly slug: string;
  readonly fields: readonly FieldDeclaration[];
  /** Review targets (report-categories.md): hours, and shorter ones when a rule holds. */
  readonly review: { readonly hours: number; readonly sooner?: readonly { readonly when: Condition; readonly hours: number }[] };
  /** The queue's priority: the highest level whose rule holds, else 0. */
  readonly severity?: readonly { readonly when: Condition; readonly level: number }[];
  /** A report that asks for no action, only records facts (crime without loss). */
  readonly informationOnlyWhen?: Condition;
  /** The notice is signed: the time of signing is stored with it. */
  readonly signed?: true;
};

/* ---------- evaluation: plain functions, used by the schema, the form and the server ---------- */

/** Missing, blank text, or a list of blanks. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every(isBlank);
  return false;
}

type Answers = Readonly<Record<string, unknown>>;

export function holds(condition: Condition, answers: Answers): boolean {
  if ("all" in condition) return condition.all.every((c) => holds(c, answers));
  const value = answers[condition.field];
  if ("is" in condition) return condition.is.some((v) => String(v) === String(value));
  if ("isNot" in condition) return !condition.isNot.some((v) => String(v) === String(value));
  if ("absent" in condition) return isBlank(value);
  return !(Array.isArray(value) && value.some((f) => (f as { type?: unknown } | null)?.type === condition.lacksFileType));
}

/** The issue key when a conditionally required field is missing. */
export function requiredMessage(field: FieldDeclaration): string {
  return field.messages?.required ?? `${field.name}_required`;
}

/** Whether the form asks this question, given the answers so far. */
export function isAsked(field: FieldDeclaration, answers: Answers): boolean {
  if (field.askedWhen && !holds(field.askedWhen, answers)) return false;
  return !(field.forbiddenWhen && holds(field.forbiddenWhen, answers));
}

/** Whether an answer is needed now: always, or because its rule holds. */
export function isRequired(field: FieldDeclaration, answers: Answers): boolean {
  if (field.required === undefined) return false;
  return field.required === true || (isAsked(field, answers) && holds(field.required, answers));
}

/** Every field, nested ones too, with its dotted path ("transactions.method": items share the list's path). */
export function everyField(fields: readonly FieldDeclaration[], prefix = ""): [string, FieldDeclaration][] {
  return fields.flatMap((f): [string, FieldDeclaration][] => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const children = f.type === "object" ? f.fields : f.item?.type === "object" ? f.item.fields : undefined;
    return [[path, f], ...(children ? everyField(children, path) : [])];
  });
}

/** The message namespace that names a choice's values: "subtypes.<category>" for the subtype, else "options.<field>". */
export function valueNamesFor(declaration: CategoryDeclaration, field: FieldDeclaration): string {
  return field.valueNames ?? (field.name === "subtype" ? `subtypes.${declaration.slug}` : `options.${field.name}`);
}

/** The message namespace of each choice, by path: "transactions.method" → "options.method". */
export function valueNamesOf(declaration: CategoryDeclaration): Record<string, string> {
  return Object.fromEntries(everyField(declaration.fields).flatMap(([path, f]) => (f.type === "enum" ? [[path, valueNamesFor(declaration, f)]] : [])));
}

/**
 * Where a field path comes in the declaration, which is the order the form asks in:
 * "transactions.1.amount" → [its list's place, row 1, amount's place in a row]. Compare
 * the results element by element; an unknown path sorts last.
 */
export function pathOrder(declaration: CategoryDeclaration, path: string): number[] {
  const order: number[] = [];
  let level: readonly FieldDeclaration[] | undefined = declaration.fields;
  for (const part of path.split(".")) {
    if (/^\d+$/.test(part)) {
      order.push(Number(part));
      continue;
    }
    const index = level?.findIndex((f) => f.name === part) ?? -1;
    if (index < 0) return [...order, Number.MAX_SAFE_INTEGER];
    order.push(index);
    const found: FieldDeclaration = level![index];
    level = found.type === "array" ? found.item?.fields : found.fields;
  }
  return order;
}

export function byFormOrder(declaration: CategoryDeclaration) {
  return (a: string, b: string) => {
    const [x, y] = [pathOrder(declaration, a), pathOrder(declaration, b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
    }
    return 0;
  };
}

/**
 * Pairs where one of two answers will do: a field required "when X is not given" makes X
 * its other half (harmful-info's urls and locator). Maps X to the field whose rule names it.
 */
export function alternatives(fields: readonly FieldDeclaration[]): Map<string, string> {
  const partners = new Map<string, string>();
  for (const f of fields) {
    const r = f.required;
    if (r && r !== true && "absent" in r && fields.some((g) => g.name === r.field && g.required === undefined)) partners.set(r.field, f.name);
  }
  return partners;
}

/** The top-level fields whose answers decide what is asked or required. */
export function conditionFields(declaration: CategoryDeclaration): string[] {
  const names = new Set<string>();
  const add = (c: Condition | true | undefined) => {
    if (c === undefined || c === true) return;
    if ("all" in c) c.all.forEach(add);
    else names.add(c.field);
  };
  for (const f of declaration.fields) [f.required, f.askedWhen, f.forbiddenWhen].forEach(add);
  return [...names];
}

export function fieldOf(declaration: CategoryDeclaration, name: string): FieldDeclaration | undefined {
  return declaration.fields.find((f) => f.name === name);
}

/** The declared subtypes: the values of the field `subtype`, if the category has one. */
export function subtypesOf(declaration: CategoryDeclaration): readonly string[] {
  return fieldOf(declaration, "subtype")?.values ?? [];
}

/** Hours until review is due for a report with these answers. */
export function reviewHours(declaration: CategoryDeclaration, answers: Answers): number {
  const sooner = declaration.review.sooner?.filter((r) => holds(r.when, answers)).map((r) => r.hours) ?? [];
  return Math.min(declaration.review.hours, ...sooner);
}

export function severityLevel(declaration: CategoryDeclaration, answers: Answers): number {
  return Math.max(0, ...(declaration.severity?.filter((r) => holds(r.when, answers)).map((r) => r.level) ?? []));
}
