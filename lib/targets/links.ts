import LinkifyIt from "linkify-it";
import { canonicalUrl } from "./canonical-url";

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true });

/**
 * The longest piece of text handed to linkify at once. linkify's `match` searches the whole
 * rest of the text again after every link it finds, so one call costs links × length: a
 * 750 KB paste of links took 9 s. Pieces of bounded length make the whole scan linear. Links
 * never contain whitespace, so cutting there splits none; a URL longer than this (browsers
 * and servers stop at about 2,000 characters) is read up to here.
 */
export const WINDOW_CHARS = 2048;

const SPACE = /\s/;
const isSpace = (text: string, i: number) => SPACE.test(text[i]);

/**
 * The text in pieces of at most WINDOW_CHARS, cut at whitespace. Each backward search for a
 * cut covers characters that the next piece then starts before, so every character is
 * looked at a bounded number of times.
 */
export function* windowsOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const end = start + WINDOW_CHARS;
    if (end >= text.length) {
      yield text.slice(start);
      return;
    }
    let cut = end;
    while (cut > start && !isSpace(text, cut)) cut--;
    if (cut > start) {
      yield text.slice(start, cut);
      start = cut;
      continue;
    }
    // One word longer than a piece: its head is read, the rest of it skipped.
    yield text.slice(start, end);
    start = end;
    while (start < text.length && !isSpace(text, start)) start++;
  }
}

/** Calls back with each URL (canonicalised) and email address (lower-cased) in a text. */
export function scanLinks(text: string, onUrl: (url: string) => void, onEmail: (address: string) => void): void {
  for (const piece of windowsOf(text)) {
    for (const match of linkify.match(piece) ?? []) {
      if (match.schema === "mailto:") {
        onEmail(match.url.replace(/^mailto:/i, "").toLowerCase());
        continue;
      }
      const url = canonicalUrl(match.url);
      if (url) onUrl(url);
    }
  }
}
