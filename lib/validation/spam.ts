import { z } from "zod";
import { commonFields, optional, pastDateTime, phone, text } from "./common";
import { ALWAYS } from "./issue-keys";
import { SPAM_CHANNELS, SPAM_SUBTYPES } from "./options";

export { SPAM_CHANNELS, SPAM_SUBTYPES } from "./options";


/** Channels whose message text must be given exactly as received. */
const CONTENT_CHANNELS = new Set(["sms", "im", "app-push"]);
/** Channels that reach the reporter's own number. */
const RECIPIENT_CHANNELS = new Set(["sms", "call"]);

/** An .eml pasted into the API as text; larger messages go up as a file. */
export const RAW_EMAIL_MAX_CHARS = 1_000_000;

export const spamSchema = z
  .object({
    category: z.literal("spam"),
    ...commonFields,
    channel: z.enum(SPAM_CHANNELS),
    subtype: optional(z.enum(SPAM_SUBTYPES)),
    sender: text(500),
    recipient: optional(phone),
    receivedAt: pastDateTime,
    content: optional(z.string().trim().min(1).max(10_000)),
    rawEmail: optional(z.string().min(1).max(RAW_EMAIL_MAX_CHARS)),
    callDetails: optional(
      z.object({
        durationSec: optional(z.number().int().min(0).max(86_400)),
        claimedIdentity: optional(text(200)),
      }),
    ),
  })
  .superRefine((report, ctx) => {
    if (RECIPIENT_CHANNELS.has(report.channel) && !report.recipient) {
      ctx.addIssue({ code: "custom", path: ["recipient"], message: "recipient_required" });
    }
    if (CONTENT_CHANNELS.has(report.channel) && !report.content) {
      ctx.addIssue({ code: "custom", path: ["content"], message: "content_required" });
    }
    if (report.channel === "email") {
      const emlUploaded = Array.isArray(report.evidence) && report.evidence.some((file) => file?.type === "message/rfc822");
      if (!report.rawEmail && !emlUploaded) {
        ctx.addIssue({ code: "custom", path: ["rawEmail"], message: "raw_email_required" });
      }
    }
  }, ALWAYS);
export type SpamReport = z.infer<typeof spamSchema>;
