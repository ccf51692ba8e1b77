import { z } from "zod";
import { commonFields, contactSchema, email, httpUrl, optional, phone, text } from "./common";
import { fileMetaSchema } from "./files";
import { ALWAYS, unlessMissing } from "./issue-keys";
import { INFRINGEMENT_TYPES, WORK_TYPES } from "./options";

export { INFRINGEMENT_TYPES, WORK_TYPES } from "./options";


export const copyrightSchema = z
  .object({
    category: z.literal("copyright"),
    ...commonFields,
    // A notice is never anonymous: the contact block is required here.
    contact: contactSchema,
    submitterRole: z.enum(["rightholder", "agent"]),
    rightholder: z.object({
      name: text(200),
      address: text(500),
      phone,
      email,
    }),
    agentAuthorization: optional(fileMetaSchema),
    work: z.object({
      title: text(500),
      type: z.enum(WORK_TYPES),
      originalUrl: optional(httpUrl),
    }),
    ownershipProof: z.union([z.string().trim().min(20).max(5000), fileMetaSchema], {
      error: unlessMissing("ownership_proof"),
    }),
    infringingUrls: z.array(httpUrl).min(1).max(50),
    infringementType: optional(z.enum(INFRINGEMENT_TYPES)),
    requestedAction: z.enum(["remove", "disable-link"]),
    accuracyStatement: z.literal(true, { error: "must_accept" }),
    signature: text(200),
  })
  .superRefine((report, ctx) => {
    if (report.contact && !report.contact.email && !report.contact.phone) {
      ctx.addIssue({ code: "custom", path: ["contact", "email"], message: "contact_required" });
    }
    if (report.submitterRole === "agent" && !report.agentAuthorization) {
      ctx.addIssue({ code: "custom", path: ["agentAuthorization"], message: "authorization_required" });
    }
  }, ALWAYS);
export type CopyrightReport = z.infer<typeof copyrightSchema>;
