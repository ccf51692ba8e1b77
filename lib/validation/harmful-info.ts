import { z } from "zod";
import { commonFields, httpUrl, optional, pastDateTime, text } from "./common";
import { isImage } from "./files";
import { ALWAYS } from "./issue-keys";
import { CONTENT_TYPES, HARMFUL_INFO_SUBTYPES, PLATFORMS } from "./options";

export { CONTENT_TYPES, HARMFUL_INFO_SUBTYPES, PLATFORMS } from "./options";


export const harmfulInfoSchema = z
  .object({
    category: z.literal("harmful-info"),
    ...commonFields,
    subtype: z.enum(HARMFUL_INFO_SUBTYPES),
    urls: optional(z.array(httpUrl).max(10)),
    locator: optional(text(1000)),
    platform: z.enum(PLATFORMS),
    contentType: optional(z.enum(CONTENT_TYPES)),
    firstSeenAt: optional(pastDateTime),
    howReached: optional(text(1000)),
  })
  .superRefine((report, ctx) => {
    const hasUrls = Array.isArray(report.urls) && report.urls.length > 0;
    const evidence = Array.isArray(report.evidence) ? report.evidence : [];
    if (!hasUrls && !report.locator) {
      ctx.addIssue({ code: "custom", path: ["urls"], message: "urls_or_locator" });
    }
    if (report.subtype === "child-abuse") {
      // Never ask for contact details or images: URLs and a locator only.
      if (report.contact) {
        ctx.addIssue({ code: "custom", path: ["contact"], message: "child_abuse_no_contact" });
      }
      if (evidence.length) {
        ctx.addIssue({ code: "custom", path: ["evidence"], message: "child_abuse_no_files" });
      }
      return;
    }
    if (!hasUrls && !evidence.some(isImage)) {
      ctx.addIssue({ code: "custom", path: ["evidence"], message: "screenshot_required" });
    }
  }, ALWAYS);
export type HarmfulInfoReport = z.infer<typeof harmfulInfoSchema>;
