import PostalMime from "postal-mime";
import { MAX_TARGETS } from "./target-set";

/** What the portal keeps of a reported email's headers (Report.details.email). */
export type EmailFacts = {
  from?: string;
  fromName?: string;
  replyTo: string[];
  date?: string;
  subject?: string;
};

/** A parsed email: its header facts and the bodies that target keys are read from. */
export type EmailMessage = { facts: EmailFacts; text: string; html: string };

/**
 * Parses an RFC 5322 message with postal-mime (headers, MIME parts, encodings). Its cost
 * grows with the message (seconds for a 10 MB .eml), so the server runs it in the
 * extraction worker (lib/server/extraction.ts), never on the request thread.
 */
export async function readEmail(raw: string | Uint8Array): Promise<EmailMessage> {
  const email = await PostalMime.parse(raw instanceof Uint8Array ? Uint8Array.from(raw).buffer : raw);
  const replyTo = (email.replyTo ?? [])
    .map((a) => a.address?.toLowerCase())
    .filter((a): a is string => Boolean(a))
    .slice(0, MAX_TARGETS);
  const date = email.date && !Number.isNaN(Date.parse(email.date)) ? new Date(email.date).toISOString() : undefined;
  return {
    facts: {
      from: email.from?.address?.toLowerCase() || undefined,
      fromName: email.from?.name || undefined,
      replyTo,
      date,
      subject: email.subject || undefined,
    },
    text: email.text ?? "",
    html: email.html ?? "",
  };
}

/** Headers end at the first empty line; more than this is not an email's header block. */
const HEADER_BLOCK_MAX_BYTES = 64 * 1024;

/** Where the header block ends: just after its first empty line, or at the byte limit. */
function headerBlockEnd(raw: Uint8Array): number {
  const limit = Math.min(raw.length, HEADER_BLOCK_MAX_BYTES);
  for (let i = 0; i < limit; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return i + 2;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i + 3;
  }
  return limit;
}

/**
 * True when a text parses as a message with a sender: how a .eml upload is recognised.
 * Only the header block is parsed, so that telling the type of a 10 MB upload costs no more
 * than that of a short one; the bodies are read later, in the extraction worker.
 */
export async function looksLikeEmail(raw: Uint8Array): Promise<boolean> {
  try {
    const email = await PostalMime.parse(raw.slice(0, headerBlockEnd(raw)).buffer);
    return Boolean(email.from?.address) && email.headers.length >= 2;
  } catch {
    return false;
  }
}
