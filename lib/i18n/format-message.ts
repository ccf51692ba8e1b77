/**
 * The part of ICU MessageFormat the portal's messages use, for the browser: `{name}`,
 * `{n, number}` (and the `::percent .#` skeleton), and `{n, plural, =0 {…} one {…} other {…}}`
 * with `#`. The full parser (intl-messageformat, 12 kB gzipped) stays on the server;
 * format-message.test.ts checks that every message of both catalogues comes out the same.
 */
export type MessageValues = Record<string, string | number | Date | undefined>;

/** Index of the `}` that closes the `{` at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function numberOptions(style: string | undefined): Intl.NumberFormatOptions {
  const skeleton = style?.trim() ?? "";
  if (skeleton.startsWith("::percent")) {
    const fraction = /\.(#+)/.exec(skeleton)?.[1].length ?? 0;
    return { style: "percent", maximumFractionDigits: fraction };
  }
  if (skeleton === "percent") return { style: "percent" };
  if (skeleton === "integer") return { maximumFractionDigits: 0 };
  return {};
}

function plural(body: string, value: number, locale: string): string {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open === -1) break;
    const selector = body.slice(i, open).trim();
    const end = closing(body, open);
    if (end === -1) break;
    options.set(selector, body.slice(open + 1, end));
    i = end + 1;
  }
  return options.get(`=${value}`) ?? options.get(new Intl.PluralRules(locale).select(value)) ?? options.get("other") ?? "";
}

/** Formats `message` with `values`, as intl-messageformat would for these forms. */
export function formatMessage(message: string, values: MessageValues = {}, locale: string, hash?: string): string {
  let out = "";
  let i = 0;
  while (i < message.length) {
    const char = message[i];
    if (char === "#" && hash !== undefined) {
      out += hash;
      i++;
      continue;
    }
    if (char !== "{") {
      out += char;
      i++;
      continue;
    }
    const end = closing(message, i);
    if (end === -1) return out + message.slice(i);
    const inner = message.slice(i + 1, end);
    const [name, type, ...rest] = inner.split(",");
    const key = name.trim();
    const value = values[key];
    if (type === undefined) {
      out += value === undefined ? `{${key}}` : value instanceof Date ? value.toISOString() : String(value);
    } else if (type.trim() === "number") {
      out += new Intl.NumberFormat(locale, numberOptions(rest.join(","))).format(Number(value));
    } else if (type.trim() === "plural") {
      const n = Number(value);
      const body = inner.slice(inner.indexOf(",", inner.indexOf(",") + 1) + 1);
      out += formatMessage(plural(body, n, locale), values, locale, new Intl.NumberFormat(locale).format(n));
    } else {
      out += inner;
    }
    i = end + 1;
  }
  return out;
}
