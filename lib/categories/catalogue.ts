import { messagesFor } from "@/lib/i18n";
import { LOCALES, type Locale } from "@/lib/validation/common";
import { CRIME_SUBTYPES } from "@/lib/validation/crime";
import { HARMFUL_INFO_SUBTYPES } from "@/lib/validation/harmful-info";
import { CATEGORIES, type Category } from "@/lib/validation/report";
import { SPAM_SUBTYPES } from "@/lib/validation/spam";
import { FIELDS, type FieldSpec } from "./fields";

const SUBTYPES: Record<Category, readonly string[]> = {
  "harmful-info": HARMFUL_INFO_SUBTYPES,
  crime: CRIME_SUBTYPES,
  spam: SPAM_SUBTYPES,
  copyright: [],
};

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

type LabelledField = Omit<FieldSpec, "fields"> & { label: Translated; fields?: LabelledField[] };

function label(fields: FieldSpec[], prefix = ""): LabelledField[] {
  return fields.map(({ fields: children, ...field }) => {
    const key = prefix ? `${prefix}.${field.name}` : field.name;
    return {
      ...field,
      label: translated((l) => {
        const table = messagesFor(l).fields as Record<string, string>;
        return table[key] ?? table[prefix] ?? key;
      }),
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
