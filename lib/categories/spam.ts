import { SPAM_CHANNELS, SPAM_SUBTYPES } from "@/lib/validation/options";
import { contact, description, evidence, goodFaith, locale } from "./common";
import type { CategoryDeclaration } from "./declaration";

/** An .eml pasted into the API as text; larger messages go up as a file. */
export const RAW_EMAIL_MAX_CHARS = 1_000_000;

const email = { field: "channel", is: ["email"] } as const;
const toYourNumber = { field: "channel", is: ["sms", "call"] } as const;
const call = { field: "channel", is: ["call"] } as const;

/** Spam (12321): texts, calls, email, messenger and app pushes. */
export const spam = {
  slug: "spam",
  fields: [
    { name: "channel", type: "enum", required: true, values: SPAM_CHANNELS },
    { name: "subtype", type: "enum", values: SPAM_SUBTYPES },
    { name: "sender", type: "string", required: true, max: 500 },
    { name: "recipient", type: "phone", askedWhen: toYourNumber, required: toYourNumber },
    { name: "receivedAt", type: "datetime", required: true },
    {
      name: "content",
      type: "text",
      max: 10_000,
      askedWhen: { field: "channel", is: SPAM_CHANNELS },
      required: { field: "channel", is: ["sms", "im", "app-push"] },
    },
    {
      name: "rawEmail",
      type: "text",
      max: RAW_EMAIL_MAX_CHARS,
      verbatim: true,
      storedAsFile: true,
      askedWhen: email,
      // An .eml file among the evidence does as well.
      required: { all: [email, { field: "evidence", lacksFileType: "message/rfc822" }] },
      messages: { required: "raw_email_required" },
    },
    {
      name: "callDetails",
      type: "object",
      askedWhen: call,
      fields: [
        { name: "durationSec", type: "integer", min: 0, max: 86_400 },
        { name: "claimedIdentity", type: "string", max: 200 },
      ],
    },
    description,
    evidence,
    contact(),
    goodFaith,
    locale,
  ],
  review: { hours: 168 },
} as const satisfies CategoryDeclaration;
