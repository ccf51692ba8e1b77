import { DECLARATIONS } from "@/lib/categories";
import { holds, type CategoryDeclaration, type FieldDeclaration } from "@/lib/categories/declaration";
import type { Category } from "./options";

/**
 * The web form's values as the browser sends them: nested by dotted names
 * ("contact.email", "transactions.0.amount"), every value a string. react-hook-form
 * builds the same shape on the client; formDataToValues builds it on the server.
 */
export type FormValues = { [key: string]: string | FormValues | FormValues[] | string[] | undefined };

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;
export { DEFAULT_OFFSET } from "./options";
import { DEFAULT_OFFSET } from "./options";

const declared = (category: Category | CategoryDeclaration): CategoryDeclaration =>
  typeof category === "string" ? DECLARATIONS[category] : category;

/** Names that would reach an object's prototype instead of its own properties. */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
/** Form names that are not answers: the category, the form's UTC offset, its one-time key, whether JavaScript ran. */
const CONTROL_NAMES = new Set(["category", "tz", "submissionKey", "js"]);

/** A form name that could reach an object's prototype: the whole post is refused. */
export class ForbiddenFormNameError extends Error {
  constructor() {
    super("forbidden form field name");
  }
}

/**
 * Whether a dotted name is a path of the category's field tree: field names, and after an
 * array a row number below the array's maximum ("transactions.3.amount", "urls.0").
 */
export function isFieldPath(fields: readonly FieldDeclaration[], parts: readonly string[]): boolean {
  let level: readonly FieldDeclaration[] | undefined = fields;
  for (let i = 0; i < parts.length; i++) {
    const spec: FieldDeclaration | undefined = level?.find((f) => f.name === parts[i]);
    if (!spec) return false;
    if (spec.type === "object") {
      level = spec.fields;
      continue;
    }
    if (spec.type !== "array") return i === parts.length - 1;
    const row = parts[i + 1];
    if (row === undefined || !/^\d{1,3}$/.test(row) || Number(row) >= (spec.max ?? 100)) return false;
    i++;
    if (spec.item?.type !== "object") return i === parts.length - 1;
    level = spec.item.fields;
  }
  return false;
}

/**
 * The string fields of a submitted form, nested by their dotted names. Files are skipped,
 * and so is every name that is not a field of the category: the values that come back are
 * built only from the category's own field tree, so no name can reach an object's
 * prototype. A name with a prototype segment is an attack, and the post is refused.
 */
export function formDataToValues(form: FormData, category: Category | CategoryDeclaration): FormValues {
  const { fields } = declared(category);
  const root: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$ACTION")) continue;
    const parts = name.split(".");
    if (parts.some((part) => FORBIDDEN_SEGMENTS.has(part))) throw new ForbiddenFormNameError();
    if (typeof value !== "string") continue;
    if (CONTROL_NAMES.has(name)) {
      root[name] = value;
      continue;
    }
    if (!isFieldPath(fields, parts)) continue;
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (typeof next === "object" && next !== null) node = next as Record<string, unknown>;
      else node = node[part] = {};
    }
    node[parts[parts.length - 1]] = value;
  }
  return root as FormValues;
}

function items(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (raw && typeof raw === "object") {
    return Object.entries(raw)
      .filter(([k]) => /^\d+$/.test(k))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => v);
  }
  return [];
}

const blank = (raw: unknown) => (typeof raw === "string" && raw.trim() === "" ? undefined : raw);

function coerce(spec: FieldDeclaration, raw: unknown, offset: string): unknown {
  if (raw === undefined || raw === null) return undefined;
  switch (spec.type) {
    case "boolean":
      if (raw === true || raw === "true" || raw === "on") return true;
      if (raw === false || raw === "false") return false;
      return undefined;
    case "integer": {
      if (blank(raw) === undefined) return undefined;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
    case "datetime":
      // <input type="datetime-local"> has no offset; the form says which one it meant.
      if (typeof raw === "string" && LOCAL_DATE_TIME.test(raw)) return `${raw.length === 16 ? `${raw}:00` : raw}${offset}`;
      return blank(raw);
    case "object":
      return coerceObject(spec.fields ?? [], raw, offset);
    case "array": {
      const item = spec.item;
      if (!item) return undefined;
      const list = items(raw)
        .map((value) => coerce(item, value, offset))
        .filter((item) => item !== undefined);
      return list.length ? list : undefined;
    }
    case "file":
    case "files":
      return undefined; // only real uploads are files
    default:
      return blank(raw);
  }
}

function coerceObject(fields: readonly FieldDeclaration[], raw: unknown, offset: string): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = coerce(field, (raw as Record<string, unknown>)[field.name], offset);
    if (value !== undefined) result[field.name] = value;
  }
  return Object.keys(result).length ? result : undefined;
}

/**
 * Turns form values into a report object for the shared schema: booleans and numbers from
 * their strings, local times with the form's UTC offset, empty inputs and empty repeated
 * rows dropped, and answers to questions that do not apply removed.
 */
export function valuesToReport(values: FormValues, category: Category | CategoryDeclaration): Record<string, unknown> {
  const offset = typeof values.tz === "string" && OFFSET.test(values.tz) ? values.tz : DEFAULT_OFFSET;
  const { slug, fields } = declared(category);
  const report: Record<string, unknown> = { category: slug, ...coerceObject(fields, values, offset) };
  return withoutUnasked(fields, report);
}

/**
 * The report without answers to questions its other answers make moot (the amount lost
 * when no money was lost): the form drops them, and so does the store for the API.
 * Answers that must be left out (a child-abuse reporter's contact) stay, for the schema
 * to refuse.
 */
export function withoutUnasked<T extends Record<string, unknown>>(fields: readonly FieldDeclaration[], report: T): T {
  const kept: Record<string, unknown> = { ...report };
  for (const field of fields) {
    if (field.askedWhen && !holds(field.askedWhen, report)) delete kept[field.name];
  }
  return kept as T;
}
