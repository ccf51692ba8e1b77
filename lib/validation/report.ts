import { z } from "zod";
import { DECLARATIONS, type Report } from "@/lib/categories";
import { unlessMissing } from "./issue-keys";
import { CATEGORIES, type Category } from "./options";
import { schemaOf } from "./schema-of";

export { CATEGORIES, isCategory } from "./options";
export type { Category } from "./options";
export type { Report } from "@/lib/categories";

/** Each category's schema, derived from its declaration (lib/categories/). */
export const schemaByCategory = Object.fromEntries(
  CATEGORIES.map((category) => [category, schemaOf(DECLARATIONS[category])]),
) as Record<Category, ReturnType<typeof schemaOf>>;

/** The one schema for every report, shared by the web forms and the JSON API. */
export const reportSchema = z.discriminatedUnion(
  "category",
  CATEGORIES.map((category) => schemaByCategory[category]) as [ReturnType<typeof schemaOf>, ...ReturnType<typeof schemaOf>[]],
  { error: unlessMissing("unknown_category") },
) as unknown as z.ZodType<Report, unknown>;
