import PostalMime from "postal-mime";
import { phoneNumbersIn } from "./phone";
import { linksIn } from "./links";

/** What the portal reads from a reported email (.eml). */
export type EmailFacts = {
  from?: string;
  fromName?: string;
  replyTo: string[];
  date?: string;
  subject?: string;
  urls: string[];
  phones: string[];
  emails: string[];
};

/**
 * Parses an RFC 5322 message with postal-mime (headers, MIME parts, encodings) and
 * extracts the sender, the date, and the URLs, phone numbers and addresses in its bodies.
 */
export async function readEmail(raw: string | Uint8Array): Promise<EmailFacts> {
  const email = await PostalMime.parse(raw instanceof Uint8Array ? Uint8Array.from(raw).buffer : raw);
  const from = email.from?.address?.toLowerCase() || undefined;
  // linkify also finds the targets of href attributes when given the HTML itself.
  const body = [email.subject ?? "", email.text ?? "", email.html ?? ""].join("\n");
  const links = linksIn(body);
  const replyTo = (email.replyTo ?? [])
    .map((a) => a.address?.toLowerCase())
    .filter((a): a is string => Boolean(a));
  const date = email.date && !Number.isNaN(Date.parse(email.date)) ? new Date(email.date).toISOString() : undefined;
  return {
    from,
    fromName: email.from?.name || undefined,
    replyTo,
    date,
    subject: email.subject || undefined,
    urls: links.urls,
    phones: phoneNumbersIn(email.text ?? ""),
    emails: links.emails.filter((address) => address !== from),
  };
}

/** True when a text parses as a message with a sender: how a .eml upload is recognised. */
export async function looksLikeEmail(raw: Uint8Array): Promise<boolean> {
  try {
    const email = await PostalMime.parse(Uint8Array.from(raw).buffer);
    return Boolean(email.from?.address) && email.headers.length >= 2;
  } catch {
    return false;
  }
}
