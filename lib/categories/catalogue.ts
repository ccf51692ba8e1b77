import { messagesFor } from "@/lib/i18n";
import { CATEGORIES, LOCALES, SUBTYPES, type Category, type Locale } from "@/lib/validation/options";
import { FIELDS, type FieldSpec } from "./fields";

const HOUR = 60 * 60 * 1000;

/** Review targets from report-categories.md, "Every accepted report returns". */
export function expectedByFor(
  report: { category: Category; subtype?: string; ongoingDanger?: boolean },
  submittedAt: Date,
): Date {
  const hours = (() => {
    switch (report.category) {
      case "crime":
        return report.ongoingDanger ? 4 : 48;
      case "harmful-info":
        return report.subtype === "child-abuse" ? 24 : 72;
      case "copyright":
        return 120;
      case "spam":
        return 168;
    }
  })();
  return new Date(submittedAt.getTime() + hours * HOUR);
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
      reviewTargetHours: (expectedByFor({ category: slug }, new Date(0)).getTime()) / HOUR,
      subtypes: SUBTYPES[slug].map((value) => ({
        value,
        name: translated((l) => (messagesFor(l).subtypes[slug] as Record<string, string>)[value]),
      })),
      fields: label(FIELDS[slug]),
    })),
  };
}
