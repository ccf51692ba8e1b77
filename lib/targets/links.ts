import LinkifyIt from "linkify-it";
import { canonicalUrl } from "./canonical-url";

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true });

export type FoundLinks = { urls: string[]; emails: string[] };

/** URLs (canonicalised) and email addresses (lower-cased) that occur in a text. */
export function linksIn(text: string): FoundLinks {
  const urls = new Set<string>();
  const emails = new Set<string>();
  for (const match of linkify.match(text) ?? []) {
    if (match.schema === "mailto:") {
      emails.add(match.url.replace(/^mailto:/i, "").toLowerCase());
      continue;
    }
    const url = canonicalUrl(match.url);
    if (url) urls.add(url);
  }
  return { urls: [...urls], emails: [...emails] };
}
