/**
 * The bits of PDF syntax (ISO 32000-1, section 7) that pdf-active.ts needs to find names,
 * references and object streams in a file it does not otherwise parse.
 */

/**
 * Where each stream's data begins: the line after a `stream` keyword (viewers skip
 * whatever else is on that line). Each line end is searched for once, so the scan stays
 * linear however many keywords share a line.
 */
export function* streamStarts(text: string): Generator<{ keyword: number; start: number }> {
  const lineEnd = /\r\n?|\n/g;
  let start = -1;
  for (let at = text.indexOf("stream"); at !== -1; at = text.indexOf("stream", at + 6)) {
    if (at >= 3 && text.startsWith("end", at - 3)) continue;
    if (at < start) continue; // on the line of the previous keyword: same data
    lineEnd.lastIndex = at + 6;
    const end = lineEnd.exec(text);
    if (!end) return;
    start = end.index + end[0].length;
    yield { keyword: at, start };
  }
}

// A name: "/" and the regular characters after it (ISO 32000-1, 7.3.5).
export const NAME = /\/([^\0\t\n\f\r ()<>[\]{}/%]*)/g;

/** A name with its #xx escapes decoded: /J#61vaScript is /JavaScript. */
export function decodeName(raw: string): string {
  return raw.includes("#") ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
}

/** The end of a flat dictionary starting at `at`, within 4 KB; undefined if nested or longer. */
export function dictionaryEnd(text: string, at: number): number | undefined {
  const limit = Math.min(text.length, at + 4096);
  for (let i = at + 2; i < limit; i++) {
    const c = text[i];
    if (c === ">" && text[i + 1] === ">") return i + 2;
    if (c === "<" && text[i + 1] === "<") return undefined;
    if (c === "<") i = text.indexOf(">", i);
    else if (c === "%") i = skipSpace(text, i) - 1;
    else if (c === "(") {
      for (let depth = 0; i < limit; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "(") depth++;
        else if (text[i] === ")" && --depth === 0) break;
      }
    }
    if (i === -1) return undefined;
  }
  return undefined;
}

const isPdfSpace = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
export const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Skips white space and comments, which may stand between any two tokens. */
export function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isPdfSpace(c)) i++;
    else if (c === 0x25 /* % */) {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else return i;
  }
}

export function integerAt(text: string, at: number): { value: number; end: number } | undefined {
  let end = at;
  while (end < at + 10 && isDigit(text.charCodeAt(end))) end++;
  return end === at || isDigit(text.charCodeAt(end)) ? undefined : { value: Number(text.slice(at, end)), end };
}

/** The object number of an indirect reference ("12 0 R") at `at`. */
export function referenceAt(text: string, at: number): number | undefined {
  const number = integerAt(text, at);
  if (!number) return undefined;
  const afterNumber = skipSpace(text, number.end);
  const generation = afterNumber > number.end ? integerAt(text, afterNumber) : undefined;
  if (!generation) return undefined;
  const afterGeneration = skipSpace(text, generation.end);
  return afterGeneration > generation.end && text[afterGeneration] === "R" ? number.value : undefined;
}

/** A token (a run of regular characters) and a number, as they start an object stream. */
export const TOKEN = /^[^\0\t\n\f\r ()<>[\]{}/%]+/;
export const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
