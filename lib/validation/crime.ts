import { z } from "zod";
import {
  commonFields,
  country,
  currency,
  dateOrDateTime,
  decimalAmount,
  email,
  optional,
  pastDateTime,
  phone,
  text,
} from "./common";
import { ALWAYS } from "./issue-keys";
import { CONTACT_METHODS, CRIME_SUBTYPES, PAYMENT_METHODS, SUSPECT_KINDS } from "./options";

export { CONTACT_METHODS, CRIME_SUBTYPES, PAYMENT_METHODS, SUSPECT_KINDS } from "./options";


export const transactionSchema = z.object({
  date: dateOrDateTime,
  amount: decimalAmount,
  currency,
  method: z.enum(PAYMENT_METHODS),
  recipientName: optional(text(200)),
  recipientAccount: optional(text(200)),
  transactionId: optional(text(200)),
});

export const suspectSchema = z.object({
  kind: z.enum(SUSPECT_KINDS),
  value: text(500),
});

export const crimeSchema = z
  .object({
    category: z.literal("crime"),
    ...commonFields,
    subtype: z.enum(CRIME_SUBTYPES),
    filingFor: z.enum(["self", "third-party"]),
    victim: optional(
      z.object({ name: text(200), phone: optional(phone), email: optional(email) }),
    ),
    incidentStart: pastDateTime,
    incidentEnd: optional(pastDateTime),
    location: z.object({
      country,
      region: optional(text(200)),
      city: optional(text(200)),
    }),
    moneyLost: z.boolean(),
    amountLost: optional(z.object({ value: decimalAmount, currency })),
    transactions: optional(z.array(transactionSchema).max(20)),
    contactMethod: optional(z.enum(CONTACT_METHODS)),
    suspects: optional(z.array(suspectSchema).max(20)),
    ongoingDanger: z.boolean(),
    reportedElsewhere: optional(text(1000)),
  })
  .superRefine((report, ctx) => {
    if (report.filingFor === "third-party" && !report.victim) {
      ctx.addIssue({ code: "custom", path: ["victim"], message: "victim_required" });
    }
    if (typeof report.incidentEnd === "string" && Date.parse(report.incidentEnd) < Date.parse(report.incidentStart)) {
      ctx.addIssue({ code: "custom", path: ["incidentEnd"], message: "end_before_start" });
    }
    if (report.moneyLost === true) {
      if (!report.amountLost) {
        ctx.addIssue({ code: "custom", path: ["amountLost"], message: "amount_required" });
      }
      if (!Array.isArray(report.transactions) || report.transactions.length === 0) {
        ctx.addIssue({ code: "custom", path: ["transactions"], message: "transactions_required" });
      }
    }
  }, ALWAYS);
export type CrimeReport = z.infer<typeof crimeSchema>;
