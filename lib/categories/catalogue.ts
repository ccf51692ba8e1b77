import { messagesFor } from "@/lib/i18n";
import { CATEGORIES, LOCALES, type Category, type Locale } from "@/lib/validation/options";
import { reviewHours } from "./declaration";
import { FIELDS, type FieldSpec } from "./fields";
import { DECLARATIONS, SUBTYPES } from "./index";

const HOUR = 60 * 60 * 1000;

/** When a report's review is due: its category's target, or a shorter one its answers call for. */
export function expectedByFor(report: { category: Category } & Record<string, unknown>, submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + reviewHours(DECLARATIONS[report.category], report) * HOUR);
}

type Translated = Record<Locale, string>;
const translated = (pick: (locale: Locale) => string): Translated =>
  Object.fromEntries(LOCALES.map((locale) => [locale, pick(locale)])) as Translated;

/**
 * The label of a field path such as "contact.email" or "transactions.0.amount": nested
 * groups keep their own label under `label`; an array's items share the array's label.
 */
export function fieldLabel(locale: Locale, path: string): string {
  let node: unknown = messagesFor(locale).fields;
  let last = path;
  for (const part of path.split(".").filter((p) => !/^\d+$/.test(p))) {
    const next = (node as Record<string, unknown> | undefined)?.[part];
    if (next === undefined) break;
    node = next;
    last = part;
  }
  if (typeof node === "string") return node;
  const label = (node as { label?: string } | undefined)?.label;
  return label ?? last;
}

type LabelledField = Omit<FieldSpec, "fields"> & { label: Translated; fields?: LabelledField[] };

function label(fields: FieldSpec[], prefix = ""): LabelledField[] {
  return fields.map(({ fields: children, ...field }) => {
    const key = prefix ? `${prefix}.${field.name}` : field.name;
    return {
      ...field,
      label: translated((l) => fieldLabel(l, key)),
      ...(children ? { fields: label(children, key) } : {}),
    };
  });
}

/** What `GET /api/v1/categories` returns: everything a client needs to render the forms. */
export function getCategoryCatalogue() {
  return {
    emergencyNotice: translated((l) => messagesFor(l).emergency),
    categories: CATEGORIES.map((slug) => ({
      slug,
      name: translated((l) => messagesFor(l).categories[slug].name),
      description: translated((l) => messagesFor(l).categories[slug].description),
      reviewTargetHours: DECLARATIONS[slug].review.hours,
      subtypes: SUBTYPES[slug].map((value) => ({
        value,
        name: translated((l) => (messagesFor(l).subtypes[slug] as Record<string, string>)[value]),
      })),
      fields: label(FIELDS[slug]),
    })),
  };
}
