import { describe, expect, it } from "vitest";
import { schemaByCategory, CATEGORIES } from "@/lib/validation/report";
import { messagesFor } from "@/lib/i18n";
import { LOCALES } from "@/lib/validation/options";
import { expectedByFor, getCategoryCatalogue } from "./catalogue";
import { everyField, requiredMessage, valueNamesFor } from "./declaration";
import { DECLARATIONS } from "./index";

describe("category catalogue", () => {
  it("lists exactly the fields of each category's schema", () => {
    const catalogue = getCategoryCatalogue();
    for (const category of catalogue.categories) {
      const schemaFields = Object.keys(schemaByCategory[category.slug].shape).filter((k) => k !== "category");
      expect(category.fields.map((f) => f.name).sort()).toEqual(schemaFields.sort());
    }
  });

  it("labels every field, nested ones too, in both languages", () => {
    const unlabelled: string[] = [];
    const walk = (fields: { name: string; label: Record<string, string>; fields?: unknown[] }[], path: string) => {
      for (const f of fields) {
        for (const [locale, text] of Object.entries(f.label)) if (!text || text === `${path}${f.name}`) unlabelled.push(`${locale}:${path}${f.name}`);
        if (f.fields) walk(f.fields as typeof fields, `${path}${f.name}.`);
      }
    };
    for (const c of getCategoryCatalogue().categories) walk(c.fields, "");
    expect(unlabelled).toEqual([]);
  });

  it("names every subtype in both languages", () => {
    for (const c of getCategoryCatalogue().categories) {
      for (const s of c.subtypes) {
        expect(s.name.en, `${c.slug}/${s.value}`).toBeTruthy();
        expect(s.name["zh-CN"], `${c.slug}/${s.value}`).toBeTruthy();
      }
    }
    expect(CATEGORIES).toHaveLength(4);
  });

  it("names every value of every choice in both languages, for the form and the moderator", () => {
    const missing: string[] = [];
    for (const declaration of Object.values(DECLARATIONS)) {
      for (const [path, field] of everyField(declaration.fields)) {
        if (field.type !== "enum" || path === "locale") continue; // the page's language is no choice
        const namespace = valueNamesFor(declaration, field);
        for (const locale of LOCALES) {
          for (const value of field.values ?? []) {
            const text = [...namespace.split("."), value].reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messagesFor(locale));
            if (typeof text !== "string" || !text) missing.push(`${locale}:${namespace}.${value}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("words every rule's message in both languages", () => {
    const missing: string[] = [];
    for (const declaration of Object.values(DECLARATIONS)) {
      for (const [path, field] of everyField(declaration.fields)) {
        const keys = [...Object.values(field.messages ?? {}), ...(field.required && field.required !== true ? [requiredMessage(field)] : [])];
        for (const locale of LOCALES) {
          for (const key of keys) if (!(messagesFor(locale).validation as Record<string, string>)[key]) missing.push(`${locale}:${path}:${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("sets the review targets of the spec", () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    const hours = (r: Parameters<typeof expectedByFor>[0]) => (expectedByFor(r, t0).getTime() - t0.getTime()) / 3_600_000;
    expect(hours({ category: "crime" })).toBe(48);
    expect(hours({ category: "crime", ongoingDanger: true })).toBe(4);
    expect(hours({ category: "harmful-info", subtype: "gambling" })).toBe(72);
    expect(hours({ category: "harmful-info", subtype: "child-abuse" })).toBe(24);
    expect(hours({ category: "copyright" })).toBe(120);
    expect(hours({ category: "spam" })).toBe(168);
  });
});
