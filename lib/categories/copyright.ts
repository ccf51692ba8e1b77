import { INFRINGEMENT_TYPES, WORK_TYPES } from "@/lib/validation/options";
import { description, evidence, goodFaith, locale, requiredContact } from "./common";
import type { CategoryDeclaration } from "./declaration";

const agent = { field: "submitterRole", is: ["agent"] } as const;

/** Copyright notices (12390): a rightholder, or their agent, asks for removal. Never anonymous. */
export const copyright = {
  slug: "copyright",
  fields: [
    { name: "submitterRole", type: "enum", required: true, values: ["rightholder", "agent"] },
    {
      name: "rightholder",
      type: "object",
      required: true,
      fields: [
        { name: "name", type: "string", required: true, max: 200 },
        { name: "address", type: "string", required: true, max: 500 },
        { name: "phone", type: "phone", required: true },
        { name: "email", type: "email", required: true },
      ],
    },
    { name: "agentAuthorization", type: "file", askedWhen: agent, required: agent, messages: { required: "authorization_required" } },
    {
      name: "work",
      type: "object",
      required: true,
      fields: [
        { name: "title", type: "string", required: true, max: 500 },
        { name: "type", type: "enum", required: true, values: WORK_TYPES, valueNames: "options.workType" },
        { name: "originalUrl", type: "url" },
      ],
    },
    { name: "ownershipProof", type: "file-or-text", required: true, min: 20, max: 5000, messages: { invalid: "ownership_proof" } },
    { name: "infringingUrls", type: "array", required: true, min: 1, max: 50, item: { name: "url", type: "url", required: true } },
    { name: "infringementType", type: "enum", values: INFRINGEMENT_TYPES },
    { name: "requestedAction", type: "enum", required: true, values: ["remove", "disable-link"] },
    description,
    evidence,
    requiredContact,
    { name: "accuracyStatement", type: "boolean", required: true, values: ["true"] },
    { name: "signature", type: "string", required: true, max: 200 },
    goodFaith,
    locale,
  ],
  review: { hours: 120 },
  signed: true,
} as const satisfies CategoryDeclaration;
