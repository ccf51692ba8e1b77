import { FILE_LIMITS, LOCALES } from "@/lib/validation/options";
import type { Condition, FieldDeclaration } from "./declaration";

/** The fields every category shares (report-categories.md, "Common to every category"). */

export const description = { name: "description", type: "text", required: true, min: 10, max: 5000 } as const;

const contactFields = [
  { name: "name", type: "string", max: 200 },
  { name: "email", type: "email" },
  { name: "phone", type: "phone" },
] as const;

/** How to reach the reporter: optional, or left out when `forbiddenWhen` holds. */
export const contact = (forbiddenWhen?: Condition, forbidden?: string) =>
  ({
    name: "contact",
    type: "object",
    fields: contactFields,
    ...(forbiddenWhen ? { forbiddenWhen, messages: { forbidden } } : {}),
  }) as const satisfies FieldDeclaration;

/** The contact block of a notice that may not be anonymous: an email or a phone number. */
export const requiredContact = {
  name: "contact",
  type: "object",
  required: true,
  fields: contactFields,
  atLeastOne: ["email", "phone"],
  messages: { atLeastOne: "contact_required" },
} as const;

export const goodFaith = { name: "goodFaith", type: "boolean", required: true, values: ["true"] } as const;

export const locale = { name: "locale", type: "enum", values: LOCALES } as const;

export const evidence = { name: "evidence", type: "files", max: FILE_LIMITS.maxFiles } as const;
