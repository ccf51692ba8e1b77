import { FIELDS, type FieldSpec } from "@/lib/categories/fields";
import type { Category } from "./options";

/**
 * The web form's values as the browser sends them: nested by dotted names
 * ("contact.email", "transactions.0.amount"), every value a string. react-hook-form
 * builds the same shape on the client; formDataToValues builds it on the server.
 */
export type FormValues = { [key: string]: string | FormValues | FormValues[] | string[] | undefined };

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;
export const DEFAULT_OFFSET = "+08:00";

/** The string fields of a submitted form, nested by their dotted names. Files are skipped. */
export function formDataToValues(form: FormData): FormValues {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const parts = name.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
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

function coerce(spec: FieldSpec, raw: unknown, offset: string): unknown {
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
      const fields = spec.fields ?? [];
      const primitive = fields.length === 1 && fields[0].name === "url";
      const list = items(raw)
        .map((item) => (primitive ? blank(item) : coerceObject(fields, item, offset)))
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

function coerceObject(fields: FieldSpec[], raw: unknown, offset: string): Record<string, unknown> | undefined {
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
export function valuesToReport(values: FormValues, category: Category): Record<string, unknown> {
  const offset = typeof values.tz === "string" && OFFSET.test(values.tz) ? values.tz : DEFAULT_OFFSET;
  const report: Record<string, unknown> = { category, ...coerceObject(FIELDS[category], values, offset) };
  if (category === "crime") {
    if (report.moneyLost !== true) {
      delete report.amountLost;
      delete report.transactions;
    }
    if (report.filingFor !== "third-party") delete report.victim;
  }
  if (category === "spam") {
    if (report.channel !== "call") delete report.callDetails;
    if (report.channel !== "sms" && report.channel !== "call") delete report.recipient;
  }
  return report;
}
