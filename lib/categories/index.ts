import type { Category } from "@/lib/validation/options";
import { copyright } from "./copyright";
import { crime } from "./crime";
import { subtypesOf, type CategoryDeclaration } from "./declaration";
import type { ReportOf } from "./report-type";
import { harmfulInfo } from "./harmful-info";
import { spam } from "./spam";

/**
 * Every category, declared once. Adding one takes its declaration module here, its slug in
 * CATEGORIES (lib/validation/options.ts), and its messages in both languages (lib/i18n).
 */
export const DECLARATIONS = {
  "harmful-info": harmfulInfo,
  crime,
  spam,
  copyright,
} as const satisfies Record<Category, CategoryDeclaration>;

export type Report = { [C in Category]: ReportOf<(typeof DECLARATIONS)[C]> }[Category];

export function declarationOf(category: Category): CategoryDeclaration {
  return DECLARATIONS[category];
}

/** Each category's subtypes; copyright notices have none. */
export const SUBTYPES = Object.fromEntries(
  Object.entries(DECLARATIONS).map(([slug, declaration]) => [slug, subtypesOf(declaration)]),
) as Record<Category, readonly string[]>;
