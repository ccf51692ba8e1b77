import { constants, inflateSync } from "node:zlib";
import { decodeName, dictionaryEnd, integerAt, isDigit, NAME, NUMBER, referenceAt, skipSpace, streamStarts, TOKEN } from "./pdf-syntax";

/**
 * Why a PDF is refused: it has something a viewer runs, opens or launches by itself
 * ("active"), or it hides its objects where they cannot be checked ("unchecked").
 */
export type PdfFinding = { kind: "active"; name: string } | { kind: "unchecked"; reason: string };

/**
 * Names that only appear in a PDF that runs JavaScript, launches programs, opens or
 * submits to places outside itself, or carries files, Flash or XFA forms. Long enough that
 * compressed bytes never spell them by chance.
 */
const ACTIVE_NAMES = new Set([
  "JavaScript", "Launch", "ImportData", "SubmitForm", "GoToE", "GoToR", "EmbeddedFile",
  "EmbeddedFiles", "FileAttachment", "RichMedia", "RichMediaExecute", "XFA",
]);
/**
 * Short keys that compressed bytes would spell now and then (about 4 % of 10 MB PDFs
 * would be refused): they count only before a value they can take, a dictionary or an
 * object reference (and for /JS, a string). /AA holds actions run on a page or field
 * event, without a click.
 */
const ACTIVE_KEYS: Record<string, (text: string, at: number) => boolean> = {
  JS: (text, at) => text[at] === "(" || text[at] === "<" || referenceAt(text, at) !== undefined,
  AA: (text, at) => text.startsWith("<<", at) || referenceAt(text, at) !== undefined,
  EF: (text, at) => text.startsWith("<<", at) || referenceAt(text, at) !== undefined,
};
/** Stream encodings that PDF writers no longer use; an object stream in one is not decoded. */
const OTHER_ENCODINGS = new Set(["LZWDecode", "ASCII85Decode", "ASCIIHexDecode", "RunLengthDecode"]);

/** Decoded object streams beyond this are not read: the PDF is refused as unchecked. */
const MAX_DECODED_BYTES = 64 * 1024 * 1024;
/** More compressed streams than any real document of 10 MB has: trying each costs time. */
const MAX_STREAMS = 20_000;

/** Text to look for names in: the file itself, or one decoded object stream. */
type Source = { text: string; first?: number };

/**
 * Looks for active content in a PDF's names, wherever they are in the file (a viewer finds
 * objects by their offsets, so nothing may be skipped as "inside a string or a stream"),
 * and in its object streams, the compressed containers that PDF 1.5 and later use for
 * dictionaries. Names are compared after their #xx escapes are decoded (/J#61vaScript).
 * An /OpenAction must be a destination, a place in the document to open at (as LaTeX and
 * office programs write it); any other action run on opening is refused.
 *
 * Limits (README): object streams are read when they are Flate-compressed without a
 * predictor, which is how PDF writers make them. A PDF with object streams is refused as
 * unchecked when it is encrypted or uses one of the old text encodings (LZW, ASCII85,
 * ASCIIHex, RunLength), since its dictionaries could be inside them; one that compresses
 * an object stream with a PNG predictor is not looked into.
 */
export function findPdfActiveContent(bytes: Uint8Array): PdfFinding | undefined {
  const file: Source = { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1") };
  const decoded = decodeObjectStreams(bytes, file.text);
  if ("kind" in decoded) return decoded;
  const sources = [file, ...decoded];
  const openActions = new Set<number>();
  let encrypted = false;
  let objectStreams = false;
  let otherEncoding: string | undefined;
  for (const source of sources) {
    const scan = scanNames(source.text, openActions);
    if (scan.found) return { kind: "active", name: scan.found };
    encrypted ||= scan.encrypted;
    objectStreams ||= scan.objectStreams;
    otherEncoding ??= scan.otherEncoding;
  }
  if (objectStreams && encrypted) return { kind: "unchecked", reason: "encrypted object streams" };
  if (objectStreams && otherEncoding) return { kind: "unchecked", reason: `object streams and /${otherEncoding}` };
  // A document has one /OpenAction (a few after incremental updates); many is a trick.
  if (openActions.size > 8) return { kind: "active", name: "/OpenAction" };
  for (const target of openActions) {
    if (!isDestination(target, sources)) return { kind: "active", name: "/OpenAction" };
  }
  return undefined;
}

function decodeObjectStreams(bytes: Uint8Array, text: string): Source[] | Extract<PdfFinding, { kind: "unchecked" }> {
  const sources: Source[] = [];
  let budget = MAX_DECODED_BYTES;
  let tried = 0;
  for (const { keyword, start } of streamStarts(text)) {
    if ((bytes[start] & 0x0f) !== 8) continue; // not a zlib header: not Flate
    if (++tried > MAX_STREAMS) return { kind: "unchecked", reason: "too many streams" };
    if (!looksLikeObjectStream(bytes, start)) continue;
    try {
      const out = inflateSync(bytes.subarray(start), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: budget });
      budget -= out.byteLength;
      // The object stream's dictionary, just before the keyword, says where its objects start.
      const head = text.slice(Math.max(0, keyword - 4096), keyword);
      const first = /\/First[\0\t\n\f\r ]+(\d+)/.exec(head.slice(head.lastIndexOf("obj") + 1));
      sources.push({ text: out.toString("latin1"), first: first ? Number(first[1]) : undefined });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      return { kind: "unchecked", reason: tooLarge ? "object streams too large" : "a damaged object stream" };
    }
  }
  return sources;
}

type NameScan = { found?: string; encrypted: boolean; objectStreams: boolean; otherEncoding?: string };

/** Checks every name in `text`; the objects that /OpenAction refers to go to `openActions`. */
function scanNames(text: string, openActions: Set<number>): NameScan {
  const scan: NameScan = { encrypted: false, objectStreams: false };
  NAME.lastIndex = 0;
  for (let match = NAME.exec(text); match; match = NAME.exec(text)) {
    const raw = match[1];
    const name = decodeName(raw);
    const after = skipSpace(text, NAME.lastIndex);
    if (ACTIVE_NAMES.has(name) || (Object.hasOwn(ACTIVE_KEYS, name) && ACTIVE_KEYS[name](text, after))) {
      return { ...scan, found: `/${name}` };
    }
    if (name === "OpenAction") {
      const target = referenceAt(text, after);
      if (target !== undefined) openActions.add(target);
      else if (!opensAPlace(text, after)) return { ...scan, found: "/OpenAction" };
    }
    if (name === "Encrypt" && (text.startsWith("<<", after) || referenceAt(text, after) !== undefined)) scan.encrypted = true;
    if (name === "ObjStm") scan.objectStreams = true;
    if (OTHER_ENCODINGS.has(name)) scan.otherEncoding = name;
  }
  return scan;
}

/**
 * Whether every definition of object `target`, in the file or in an object stream, is an
 * array: a destination. Unfound counts as not.
 */
function isDestination(target: number, [file, ...streams]: Source[]): boolean {
  const starts: Array<[string, number]> = [];
  const defined = new RegExp(`(?<![0-9])${target}[\\0\\t\\n\\f\\r ]+\\d+[\\0\\t\\n\\f\\r ]+obj`, "g");
  for (let m = defined.exec(file.text); m; m = defined.exec(file.text)) starts.push([file.text, m.index + m[0].length]);
  for (const stream of streams) {
    // The stream starts with pairs of object number and offset from /First.
    if (stream.first === undefined) continue;
    let i = skipSpace(stream.text, 0);
    while (i < stream.first) {
      const number = integerAt(stream.text, i);
      if (!number) break;
      const offset = integerAt(stream.text, skipSpace(stream.text, number.end));
      if (!offset) break;
      if (number.value === target) starts.push([stream.text, stream.first + offset.value]);
      i = skipSpace(stream.text, offset.end);
    }
  }
  return starts.length > 0 && starts.every(([text, at]) => opensAPlace(text, skipSpace(text, at)));
}

/** A destination array, or a GoTo action to one (as LaTeX's hyperref writes it). */
function opensAPlace(text: string, at: number): boolean {
  if (text[at] === "[") return true;
  if (!text.startsWith("<<", at)) return false;
  const end = dictionaryEnd(text, at);
  if (end === undefined) return false;
  const names: string[] = [];
  const name = new RegExp(NAME.source, "g");
  const body = text.slice(at, end);
  for (let m = name.exec(body); m; m = name.exec(body)) names.push(decodeName(m[1]));
  // /Next would chain another action after the jump.
  const type = names.indexOf("S");
  return type !== -1 && names[type + 1] === "GoTo" && !names.includes("Next");
}

/**
 * Whether a Flate stream may be an object stream, judged from its first bytes decoded: an
 * object stream starts with numbers (object numbers and offsets) followed by an object; a
 * page's content, which is the bulk of a document, starts with an operator or with numbers
 * followed by one ("1 0 0 1 72 720 cm"), and is not decoded whole.
 */
function looksLikeObjectStream(bytes: Uint8Array, start: number): boolean {
  let head: string;
  try {
    head = inflateSync(bytes.subarray(start, start + 256), { finishFlush: constants.Z_SYNC_FLUSH }).toString("latin1");
  } catch {
    return false;
  }
  let numbers = 0;
  let at = skipSpace(head, 0);
  for (let token = TOKEN.exec(head.slice(at, at + 40)); token && NUMBER.test(token[0]); token = TOKEN.exec(head.slice(at, at + 40))) {
    numbers++;
    at = skipSpace(head, at + token[0].length);
  }
  // Only white space or numbers up to the end: padding could hide what follows.
  if (at >= head.length) return true;
  if (numbers < 2) return false;
  const word = /^[A-Za-z'"*]+/.exec(head.slice(at, at + 8));
  return !word || ["true", "false", "null"].includes(word[0]);
}
