import { EVIDENCE_TYPES, FILE_LIMITS, type Category } from "@/lib/validation/options";
import { alternatives, type CategoryDeclaration, type Condition, type FieldDeclaration, type FieldType } from "./declaration";
import { DECLARATIONS } from "./index";

export type { FieldType } from "./declaration";

/**
 * One form field as `GET /api/v1/categories` describes it, derived from the category's
 * declaration. `requirement` is "conditional" when a rule decides it; `when` says the rule
 * in words and `rules` as data (the declaration's own conditions).
 */
export type FieldSpec = {
  name: string;
  type: FieldType;
  requirement: "required" | "optional" | "conditional";
  when?: string;
  rules?: { requiredWhen?: Condition; askedWhen?: Condition; forbiddenWhen?: Condition; notBefore?: string; atLeastOne?: readonly string[] };
  values?: readonly string[];
  min?: number;
  max?: number;
  /** For objects, and for the items of an array. */
  fields?: FieldSpec[];
  /** For `file` and `files`. */
  accept?: readonly string[];
  maxBytes?: number;
};

/** A condition in words: "filingFor is third-party". */
export function describe(condition: Condition): string {
  if ("all" in condition) return condition.all.map(describe).join(" and ");
  const list = (values: readonly unknown[]) =>
    values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(", ")} or ${String(values[values.length - 1])}`;
  if ("is" in condition) return `${condition.field} is ${list(condition.is)}`;
  if ("isNot" in condition) return `${condition.field} is not ${list(condition.isNot)}`;
  if ("absent" in condition) return `${condition.field} is not given`;
  return `${condition.field} has no ${condition.lacksFileType} file`;
}

function specOf(field: FieldDeclaration, partners: Map<string, string>): FieldSpec {
  const conditional = (field.required !== undefined && field.required !== true) || field.forbiddenWhen !== undefined || partners.has(field.name);
  const words: string[] = [];
  const rules: NonNullable<FieldSpec["rules"]> = {};
  // Asked exactly when required (the usual case) is said once: "moneyLost is true".
  const sameRule = field.required && field.required !== true && JSON.stringify(field.required) === JSON.stringify(field.askedWhen);
  if (field.required && field.required !== true) {
    words.push(sameRule ? describe(field.required) : `${field.needsImage ? "at least one image" : "required"} when ${describe(field.required)}`);
    rules.requiredWhen = field.required;
  }
  const partner = partners.get(field.name);
  if (partner) {
    const rule = { field: partner, absent: true } as const;
    words.push(`required when ${describe(rule)}`);
    rules.requiredWhen = rule;
  }
  if (field.askedWhen) {
    if (!sameRule) words.push(`asked only when ${describe(field.askedWhen)}`);
    rules.askedWhen = field.askedWhen;
  }
  if (field.forbiddenWhen) {
    words.push(`must be left out when ${describe(field.forbiddenWhen)}`);
    rules.forbiddenWhen = field.forbiddenWhen;
  }
  if (field.notBefore) {
    words.push(`not before ${field.notBefore}`);
    rules.notBefore = field.notBefore;
  }
  if (field.atLeastOne) {
    words.push(`at least one of ${field.atLeastOne.join(", ")}`);
    rules.atLeastOne = field.atLeastOne;
  }
  const children = field.type === "object" ? field.fields : field.type === "array" && field.item ? (field.item.fields ?? [field.item]) : undefined;
  const isFile = field.type === "file" || field.type === "files" || field.type === "file-or-text";
  return {
    name: field.name,
    type: field.type,
    requirement: field.required === true ? "required" : conditional ? "conditional" : "optional",
    ...(words.length ? { when: words.join("; "), rules } : {}),
    ...(field.values ? { values: field.values } : {}),
    ...(field.min !== undefined ? { min: field.min } : {}),
    ...(field.max !== undefined ? { max: field.max } : {}),
    ...(children ? { fields: fieldList(children) } : {}),
    ...(isFile ? { accept: EVIDENCE_TYPES, maxBytes: FILE_LIMITS.maxFileBytes } : {}),
  };
}

export function fieldList(fields: readonly FieldDeclaration[]): FieldSpec[] {
  const partners = alternatives(fields);
  return fields.map((f) => specOf(f, partners));
}

export function fieldListOf(declaration: CategoryDeclaration): FieldSpec[] {
  return fieldList(declaration.fields);
}

export const FIELDS: Record<Category, FieldSpec[]> = Object.fromEntries(
  Object.entries(DECLARATIONS).map(([slug, declaration]) => [slug, fieldListOf(declaration)]),
) as Record<Category, FieldSpec[]>;
