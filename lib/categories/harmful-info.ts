import { CONTENT_TYPES, HARMFUL_INFO_SUBTYPES, PLATFORMS } from "@/lib/validation/options";
import { contact, description, evidence, goodFaith, locale } from "./common";
import type { CategoryDeclaration } from "./declaration";

const childAbuse = { field: "subtype", is: ["child-abuse"] } as const;

/** Illegal and harmful information (12377): content on a page, an app or a chat group. */
export const harmfulInfo = {
  slug: "harmful-info",
  fields: [
    { name: "subtype", type: "enum", required: true, values: HARMFUL_INFO_SUBTYPES },
    { name: "urls", type: "array", item: { name: "url", type: "url", required: true }, min: 1, max: 10, required: { field: "locator", absent: true }, messages: { required: "urls_or_locator" } },
    { name: "locator", type: "text", max: 1000 },
    { name: "platform", type: "enum", required: true, values: PLATFORMS },
    { name: "contentType", type: "enum", values: CONTENT_TYPES },
    description,
    { name: "firstSeenAt", type: "datetime" },
    { name: "howReached", type: "text", max: 1000 },
    {
      ...evidence,
      required: { all: [{ field: "urls", absent: true }, { field: "subtype", isNot: ["child-abuse"] }] },
      needsImage: true,
      forbiddenWhen: childAbuse,
      messages: { required: "screenshot_required", forbidden: "child_abuse_no_files" },
    },
    // Never ask a child-abuse reporter for contact details or images: URLs and a locator only.
    contact(childAbuse, "child_abuse_no_contact"),
    goodFaith,
    locale,
  ],
  review: { hours: 72, sooner: [{ when: childAbuse, hours: 24 }] },
  severity: [{ when: { field: "subtype", is: ["child-abuse", "terrorism"] }, level: 2 }],
} as const satisfies CategoryDeclaration;
