import type { z } from "zod";

/**
 * Zod error map that turns every issue into a message key, optionally with one parameter
 * after a colon ("too_short:10"). Keys are translated for the user's language from the
 * `validation` messages (lib/i18n/messages/); refinements in the schemas use keys of the
 * same kind.
 */
export const issueKeyMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "required" : "invalid_type";
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? "required" : `too_short:${min}`;
      if (issue.origin === "array") return `too_few:${min}`;
      return `too_low:${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `too_long:${max}`;
      if (issue.origin === "array") return `too_many:${max}`;
      return `too_high:${max}`;
    }
    case "invalid_value":
      if (issue.input === undefined) return "required";
      return issue.values.length === 1 && issue.values[0] === true ? "must_accept" : "choose_one";
    case "invalid_format":
      if (issue.format === "email") return "invalid_email";
      if (issue.format === "datetime") return "invalid_datetime";
      if (issue.format === "date") return "invalid_date";
      return "invalid_format";
    case "invalid_union":
      return "invalid";
    default:
      return "invalid";
  }
};

/** A schema-level message that still says "required" when the value is missing. */
export function unlessMissing(key: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "required" : key);
}

/**
 * Zod skips an object's refinements while any of its fields has an issue. The conditional
 * rules run anyway, so that a person sees every missing answer at once, not one round at a
 * time. Those refinements must therefore cope with values that failed their own checks.
 */
export const ALWAYS = { when: () => true } as const;

export type FieldErrors = Record<string, string[]>;

/** Groups issues by dotted path ("urls.0", "amountLost.value"); the root path is "". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
