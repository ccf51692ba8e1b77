import { fieldListOf } from "../fields";
import { holds, isAsked, isRequired, type CategoryDeclaration, type Condition, type FieldDeclaration } from "../declaration";

/**
 * Walks every rule between fields of a declaration: for each field with a rule, every
 * combination of the answers the rule reads. Shared by the test of the four categories and
 * the test of the fixture category, so a new category is checked the same way.
 */

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const png = { name: "shot.png", size: 2048, type: "image/png" };
const pdf = { name: "letter.pdf", size: 2048, type: "application/pdf" };
const eml = { name: "message.eml", size: 900, type: "message/rfc822" };

/** A valid answer to a field, from its type and limits alone. */
export function sampleAnswer(field: FieldDeclaration): unknown {
  switch (field.type) {
    case "string":
      return "Sample answer";
    case "text":
    case "file-or-text":
      return "A sample answer, long enough for any minimum of these forms.".slice(0, field.max ?? 5000).padEnd(field.min ?? 1, ".");
    case "boolean":
      return true;
    case "integer":
      return field.min ?? 1;
    case "decimal":
      return "10.50";
    case "datetime":
      return hourAgo();
    case "date":
      return "2026-11-01";
    case "url":
      return "https://example.org/page";
    case "email":
      return "someone@example.org";
    case "phone":
      return "+86 138 0013 8000";
    case "country":
      return "CN";
    case "currency":
      return "CNY";
    case "enum":
      return field.values?.[0];
    case "object":
      return Object.fromEntries((field.fields ?? []).map((f) => [f.name, sampleAnswer(f)]));
    case "array":
      return field.item ? [sampleAnswer(field.item)] : [];
    case "file":
      return pdf;
    case "files":
      return [png];
  }
}

function conditionFields(condition: Condition | true | undefined, into: Set<string>) {
  if (!condition || condition === true) return;
  if ("all" in condition) condition.all.forEach((c) => conditionFields(c, into));
  else into.add(condition.field);
}

/** The answers worth trying for a field that a rule reads. */
function candidates(field: FieldDeclaration | undefined): unknown[] {
  if (!field) return [undefined];
  if (field.type === "enum") return [...(field.values ?? []), undefined];
  if (field.type === "boolean") return [true, false];
  if (field.type === "files") return [undefined, [png], [eml], [pdf]];
  return [sampleAnswer(field), undefined];
}

function combinations(names: string[], declaration: CategoryDeclaration): Record<string, unknown>[] {
  return names.reduce<Record<string, unknown>[]>(
    (sets, name) => sets.flatMap((set) => candidates(declaration.fields.find((f) => f.name === name)).map((value) => ({ ...set, [name]: value }))),
    [{}],
  );
}

export type RuleCase = {
  field: FieldDeclaration;
  /** The report: a valid base with the rule's answers applied; `field` itself left out. */
  answers: Record<string, unknown>;
  asked: boolean;
  required: boolean;
  forbidden: boolean;
};

/** Every field that has a rule, with every combination of the answers its rules read. */
export function ruleCases(declaration: CategoryDeclaration, base: Record<string, unknown>): RuleCase[] {
  return declaration.fields
    .filter((f) => (f.required && f.required !== true) || f.askedWhen || f.forbiddenWhen)
    .flatMap((field) => {
      const names = new Set<string>();
      [field.required, field.askedWhen, field.forbiddenWhen].forEach((c) => conditionFields(c, names));
      return combinations([...names], declaration).map((set) => {
        const answers: Record<string, unknown> = { ...base };
        for (const [name, value] of Object.entries(set)) {
          if (value === undefined) delete answers[name];
          else answers[name] = value;
        }
        delete answers[field.name];
        return {
          field,
          answers,
          asked: isAsked(field, answers),
          required: isRequired(field, answers),
          forbidden: field.forbiddenWhen !== undefined && holds(field.forbiddenWhen, answers),
        };
      });
    });
}

/** The API field list's entry of a top-level field. */
export function listedField(declaration: CategoryDeclaration, name: string) {
  return fieldListOf(declaration).find((f) => f.name === name);
}

/** A valid report of the declaration from samples alone: every field answered, none of the rules' answers. */
export function sampleReport(declaration: CategoryDeclaration): Record<string, unknown> {
  const report: Record<string, unknown> = { category: declaration.slug };
  for (const f of declaration.fields) if (f.required === true) report[f.name] = sampleAnswer(f);
  return report;
}
