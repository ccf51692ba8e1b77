import { z } from "zod";
import { holds, isBlank, requiredMessage, type CategoryDeclaration, type FieldDeclaration } from "@/lib/categories/declaration";
import { country, currency, dateOrDateTime, decimalAmount, email, httpUrl, optional, pastDateTime, phone, text } from "./common";
import { evidenceListSchema, fileMetaSchema, isImage } from "./files";
import { ALWAYS, unlessMissing } from "./issue-keys";

/**
 * The zod schema of a declared category. Each field's own checks come from its type and
 * limits; the rules between fields (required when, left out when, not before) run in one
 * refinement that runs even when other fields failed, so every missing answer shows at once.
 */
export function schemaOf(declaration: CategoryDeclaration) {
  return z
    .object({ category: z.literal(declaration.slug), ...shapeOf(declaration.fields) })
    .superRefine((report, ctx) => {
      for (const field of declaration.fields) {
        const issue = brokenRule(field, report);
        if (issue) ctx.addIssue({ code: "custom", path: [field.name], message: issue });
      }
    }, ALWAYS);
}

function shapeOf(fields: readonly FieldDeclaration[]): Record<string, z.ZodType> {
  return Object.fromEntries(fields.map((f) => [f.name, f.required === true ? requiredSchema(f) : optional(valueSchema(f))]));
}

/**
 * A required field. A required group that needs one of its fields ("an email or a phone")
 * says that when it is missing altogether, at that field, so that a person learns all of
 * it in one round rather than "required" first and "email or phone" after.
 */
function requiredSchema(field: FieldDeclaration): z.ZodType {
  const schema = valueSchema(field);
  return field.type === "object" && field.atLeastOne ? z.preprocess((value) => value ?? {}, schema) : schema;
}

/** The first rule between fields that the report breaks at this field, as an issue key. */
function brokenRule(field: FieldDeclaration, report: Record<string, unknown>): string | undefined {
  const value = report[field.name];
  if (field.forbiddenWhen && holds(field.forbiddenWhen, report)) {
    return isBlank(value) ? undefined : (field.messages?.forbidden ?? "not_allowed");
  }
  if (field.required && field.required !== true && holds(field.required, report)) {
    const missing = field.needsImage ? !(Array.isArray(value) && value.some((f) => isImage(f ?? {}))) : isBlank(value);
    if (missing) return requiredMessage(field);
  }
  if (field.notBefore) {
    const before = report[field.notBefore];
    if (typeof value === "string" && typeof before === "string" && Date.parse(value) < Date.parse(before)) {
      return field.messages?.order ?? "invalid";
    }
  }
  return undefined;
}

/** A choice (radio buttons, a select) left unanswered says so: "Choose an answer", not "Fill in". */
const unanswered = (issue: { input?: unknown }) => (issue.input === undefined ? "choose_required" : undefined);

/** A field's value, checked by its type and limits. */
function valueSchema(field: FieldDeclaration): z.ZodType {
  switch (field.type) {
    case "string":
      return text(field.max ?? 200);
    case "text":
      if (field.verbatim) return z.string().min(1).max(field.max ?? 5000);
      return z.string().trim().min(field.min ?? 1).max(field.max ?? 5000);
    case "boolean":
      return field.values?.length === 1 && field.values[0] === "true" ? z.literal(true, { error: "must_accept" }) : z.boolean({ error: unanswered });
    case "integer": {
      let n = z.number().int();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case "decimal":
      return decimalAmount;
    case "datetime":
      return pastDateTime;
    case "date":
      return dateOrDateTime;
    case "url":
      return httpUrl;
    case "email":
      return email;
    case "phone":
      return phone;
    case "country":
      return country;
    case "currency":
      return currency;
    case "enum":
      return z.enum((field.values ?? []) as [string, ...string[]], { error: unanswered });
    case "object":
      return objectSchema(field);
    case "array": {
      if (!field.item) throw new Error(`${field.name}: an array needs an item`);
      let list = z.array(valueSchema(field.item));
      // A conditional list's "at least one" is its rule's own message, not too_few.
      if (field.required === true && field.min !== undefined) list = list.min(field.min);
      if (field.max !== undefined) list = list.max(field.max);
      return list;
    }
    case "file":
      return fileMetaSchema;
    case "files":
      return evidenceListSchema;
    case "file-or-text":
      return z.union([z.string().trim().min(field.min ?? 1).max(field.max ?? 5000), fileMetaSchema], {
        error: unlessMissing(field.messages?.invalid ?? "invalid"),
      });
  }
}

function objectSchema(field: FieldDeclaration) {
  const object = z.object(shapeOf(field.fields ?? []));
  const oneOf = field.atLeastOne;
  if (!oneOf) return object;
  return object.superRefine((value: unknown, ctx) => {
    // Runs even when the object itself is missing or mistyped (ALWAYS): that has its own issue.
    if (typeof value !== "object" || value === null) return;
    const given = value as Record<string, unknown>;
    if (oneOf.every((name) => isBlank(given[name]))) {
      ctx.addIssue({ code: "custom", path: [oneOf[0]], message: field.messages?.atLeastOne ?? "required" });
    }
  }, ALWAYS);
}
