import { z } from "zod";
import { copyrightSchema } from "./copyright";
import { crimeSchema } from "./crime";
import { harmfulInfoSchema } from "./harmful-info";
import { unlessMissing } from "./issue-keys";
import { spamSchema } from "./spam";
import { CATEGORIES, type Category } from "./options";

export { CATEGORIES } from "./options";
export type { Category } from "./options";


/** The one schema for every report, shared by the web forms and the JSON API. */
export const reportSchema = z.discriminatedUnion(
  "category",
  [harmfulInfoSchema, crimeSchema, spamSchema, copyrightSchema],
  { error: unlessMissing("unknown_category") },
);
export type ReportInput = z.input<typeof reportSchema>;
export type Report = z.infer<typeof reportSchema>;

export const schemaByCategory = {
  "harmful-info": harmfulInfoSchema,
  crime: crimeSchema,
  spam: spamSchema,
  copyright: copyrightSchema,
} as const;

export function isCategory(value: unknown): value is Category {
  return typeof value === "string" && (CATEGORIES as readonly string[]).includes(value);
}
