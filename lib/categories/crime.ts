import { CONTACT_METHODS, CRIME_SUBTYPES, PAYMENT_METHODS, SUSPECT_KINDS } from "@/lib/validation/options";
import { contact, description, evidence, goodFaith, locale } from "./common";
import type { CategoryDeclaration } from "./declaration";

const moneyLost = { field: "moneyLost", is: [true] } as const;
const ongoingDanger = { field: "ongoingDanger", is: [true] } as const;

/** Online crime (the cyber-police site, 96110): fraud, extortion, intrusion. */
export const crime = {
  slug: "crime",
  fields: [
    { name: "ongoingDanger", type: "boolean", required: true },
    { name: "subtype", type: "enum", required: true, values: CRIME_SUBTYPES },
    description,
    { name: "filingFor", type: "enum", required: true, values: ["self", "third-party"] },
    {
      name: "victim",
      type: "object",
      askedWhen: { field: "filingFor", is: ["third-party"] },
      required: { field: "filingFor", is: ["third-party"] },
      fields: [
        { name: "name", type: "string", required: true, max: 200 },
        { name: "phone", type: "phone" },
        { name: "email", type: "email" },
      ],
    },
    { name: "incidentStart", type: "datetime", required: true },
    { name: "incidentEnd", type: "datetime", notBefore: "incidentStart", messages: { order: "end_before_start" } },
    {
      name: "location",
      type: "object",
      required: true,
      fields: [
        { name: "country", type: "country", required: true },
        { name: "region", type: "string", max: 200 },
        { name: "city", type: "string", max: 200 },
      ],
    },
    { name: "moneyLost", type: "boolean", required: true },
    {
      name: "amountLost",
      type: "object",
      askedWhen: moneyLost,
      required: moneyLost,
      messages: { required: "amount_required" },
      fields: [
        { name: "value", type: "decimal", required: true },
        { name: "currency", type: "currency", required: true },
      ],
    },
    {
      name: "transactions",
      type: "array",
      min: 1,
      max: 20,
      askedWhen: moneyLost,
      required: moneyLost,
      item: {
        name: "transaction",
        type: "object",
        fields: [
          { name: "date", type: "date", required: true },
          { name: "amount", type: "decimal", required: true },
          { name: "currency", type: "currency", required: true },
          { name: "method", type: "enum", required: true, values: PAYMENT_METHODS },
          { name: "recipientName", type: "string", max: 200 },
          { name: "recipientAccount", type: "string", max: 200 },
          { name: "transactionId", type: "string", max: 200 },
        ],
      },
    },
    { name: "contactMethod", type: "enum", values: CONTACT_METHODS },
    {
      name: "suspects",
      type: "array",
      max: 20,
      item: {
        name: "suspect",
        type: "object",
        fields: [
          { name: "kind", type: "enum", required: true, values: SUSPECT_KINDS, valueNames: "options.suspectKind" },
          { name: "value", type: "string", required: true, max: 500 },
        ],
      },
    },
    { name: "reportedElsewhere", type: "text", max: 1000 },
    evidence,
    contact(),
    goodFaith,
    locale,
  ],
  review: { hours: 48, sooner: [{ when: ongoingDanger, hours: 4 }] },
  severity: [{ when: ongoingDanger, level: 2 }],
  informationOnlyWhen: { field: "moneyLost", isNot: [true] },
} as const satisfies CategoryDeclaration;
