/**
 * Whether a text would do more than show its own words if a browser, or an SVG or XML
 * viewer, ever took it for a document: run script, load or embed anything, style itself,
 * or submit a form. Such a text is refused as evidence (README, "Privacy and security
 * decisions"); ordinary text stays text even when it quotes markup harmlessly, because an
 * email or a chat log routinely has `<name@example.com>`, `<https://…?a=b>`, `<Alice>` or
 * the word "script".
 *
 * The rule, over the whole text:
 * 1. any tag, opening or closing and with or without an XML prefix (`<svg:svg`), of an
 *    element in ACTIVE_ELEMENTS, even inside a comment;
 * 2. `<!DOCTYPE`, an `<?xml-stylesheet` instruction, or the SVG, XHTML, MathML or XSLT
 *    namespace;
 * 3. in any tag that a browser's tokenizer would see, an event-handler attribute (`on…`),
 *    an attribute in LOADING_ATTRIBUTES, or an attribute value that is a `javascript:`,
 *    `vbscript:`, `livescript:` or `data:` URL once its character references are decoded
 *    and its whitespace removed, as a browser's URL parser would.
 *
 * One pass, linear in the length: a 10 MB text takes tens of milliseconds.
 */
export function findActiveMarkup(text: string): string | undefined {
  const element = ACTIVE_ELEMENT.exec(text);
  if (element) return `<${element[1].toLowerCase()}>`;
  const declaration = ACTIVE_DECLARATION.exec(text);
  if (declaration) return declaration[0].toLowerCase();
  return findActiveAttribute(text);
}

/**
 * Elements that run code, load or embed content, style the page, submit data, or start a
 * document; and those whose content a browser reads as raw text (title, textarea, xmp,
 * noembed, noframes, noscript, plaintext), so that rule 3 never reads a tag that a browser
 * would take as text, or the reverse.
 */
const ACTIVE_ELEMENTS = [
  "script", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object", "embed",
  "applet", "form", "svg", "math", "html", "head", "body", "portal", "title", "textarea",
  "xmp", "noembed", "noframes", "noscript", "plaintext",
];
// A tag name ends at whitespace, "/" or ">" (and at ":" after an XML prefix). The prefix
// excludes "<", so each position is looked at a bounded number of times.
const ACTIVE_ELEMENT = new RegExp(`</?(?:[^\\s/<>:]*:)?(${ACTIVE_ELEMENTS.join("|")})(?=[\\s/>:]|$)`, "i");
const ACTIVE_DECLARATION =
  /<!doctype|<\?xml-stylesheet|www\.w3\.org\/(?:2000\/svg|1999\/xhtml|1998\/math\/mathml|1999\/xsl\/transform)/i;

/** Attributes that make a browser fetch something, or apply CSS, as soon as it renders. */
const LOADING_ATTRIBUTES = new Set(["src", "srcset", "background", "poster", "lowsrc", "dynsrc", "style"]);
const MAYBE_ACTIVE_NAME = /[obdlps]/i;
const SCRIPT_URL = /^(?:(?:java|vb|live)script|data):/;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const COMMENT_END = /--!?>/g;

/**
 * Rule 3, following the HTML tokenizer's data state: comments and bogus comments (`<!…>`,
 * `<?…>`, `</1…>`) are skipped the way a browser skips them, so that no tag it would see is
 * hidden inside what this scan took for an attribute value. Tags are scanned attribute by
 * attribute, with quoted values, up to their ">".
 */
function findActiveAttribute(text: string): string | undefined {
  const n = text.length;
  let i = text.indexOf("<");
  while (i !== -1 && i < n) {
    const next = text.charCodeAt(i + 1);
    let end: number;
    if (text.startsWith("<!--", i)) {
      end = commentEnd(text, i + 4);
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      end = upTo(text, ">", i + 2);
    } else if (next === 0x2f /* / */ && !isLetter(text.charCodeAt(i + 2))) {
      end = text.charCodeAt(i + 2) === 0x3e ? i + 3 : upTo(text, ">", i + 2);
    } else if (isLetter(next) || (next === 0x2f && isLetter(text.charCodeAt(i + 2)))) {
      const tag = scanTag(text, next === 0x2f ? i + 2 : i + 1);
      if (tag.found) return tag.found;
      end = tag.end;
    } else {
      end = i + 1;
    }
    i = text.indexOf("<", end);
  }
  return undefined;
}

function commentEnd(text: string, from: number): number {
  // "<!-->" and "<!--->" are empty comments.
  if (text.charCodeAt(from) === 0x3e) return from + 1;
  if (text.startsWith("->", from)) return from + 2;
  COMMENT_END.lastIndex = from;
  const match = COMMENT_END.exec(text);
  return match ? match.index + match[0].length : text.length;
}

function upTo(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at + 1;
}

/** Reads one tag from its name to its ">", checking each attribute. */
function scanTag(text: string, from: number): { end: number; found?: string } {
  const n = text.length;
  let j = from;
  while (j < n && !isSpace(text.charCodeAt(j)) && text[j] !== "/" && text[j] !== ">") j++;
  for (;;) {
    while (j < n && (isSpace(text.charCodeAt(j)) || text[j] === "/")) j++;
    if (j >= n) return { end: n };
    if (text[j] === ">") return { end: j + 1 };
    const nameStart = j;
    if (text[j] === "=") j++;
    while (j < n && !isSpace(text.charCodeAt(j)) && text[j] !== "/" && text[j] !== ">" && text[j] !== "=") j++;
    // Most names cannot be active; only those are copied and lower-cased.
    const name = MAYBE_ACTIVE_NAME.test(text[nameStart]) ? text.slice(nameStart, j).toLowerCase() : "";
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    let value = "";
    if (text[j] === "=") {
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const quote = text[j];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, j + 1);
        const valueEnd = close === -1 ? n : close;
        value = text.slice(j + 1, valueEnd);
        j = valueEnd + 1;
      } else {
        const valueStart = j;
        while (j < n && !isSpace(text.charCodeAt(j)) && text[j] !== ">") j++;
        value = text.slice(valueStart, j);
      }
    }
    const found = activeAttribute(name, value);
    if (found) return { end: j, found };
  }
}

function activeAttribute(name: string, value: string): string | undefined {
  if (/^on[a-z]/.test(name) || LOADING_ATTRIBUTES.has(name)) return `${name}=`;
  const scheme = value ? SCRIPT_URL.exec(urlStart(value)) : null;
  return scheme ? `${name}=${scheme[0]}` : undefined;
}

/**
 * The start of an attribute value as a URL parser sees it: character references decoded
 * (the numeric ones, and the named ones that can spell a scheme), ASCII whitespace and
 * control characters dropped, lower-cased; long enough to hold the longest scheme.
 * Only that start is decoded, so a long value costs no more than a short one.
 */
function urlStart(value: string): string {
  let out = "";
  for (let i = 0; i < value.length && out.length < 12; ) {
    let char = value[i];
    let next = i + 1;
    if (char === "&") {
      REFERENCE.lastIndex = i;
      const ref = REFERENCE.exec(value);
      if (ref) {
        next = i + ref[0].length;
        if (ref[1]) {
          const point = /^x/i.test(ref[1]) ? parseInt(ref[1].slice(1), 16) : parseInt(ref[1], 10);
          char = point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : "";
        } else {
          char = NAMED[ref[2].toLowerCase()];
        }
      }
    }
    if (char.length === 1 && char.charCodeAt(0) <= 0x20) char = "";
    out += char.toLowerCase();
    i = next;
  }
  return out;
}

const REFERENCE = /&(?:#(x[0-9a-f]+|[0-9]+)|(colon|tab|newline));?/giy;
const NAMED: Record<string, string> = { colon: ":", tab: "\t", newline: "\n" };
