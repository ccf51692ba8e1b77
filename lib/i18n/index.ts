import { LOCALES, type Locale } from "@/lib/validation/options";
import { en } from "./messages/en";
import type { Messages } from "./messages/types";
import { zhCN } from "./messages/zh-CN";

export const DEFAULT_LOCALE: Locale = "zh-CN";

const catalogues: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Turns a validation key such as "too_short:10" into a sentence in the user's language.
 * The parameter is everything after the first colon: a file name may hold colons too.
 */
export function translateIssue(key: string, locale: Locale): string {
  const colon = key.indexOf(":");
  const [name, param] = colon === -1 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
  const table = catalogues[locale].validation as Record<string, string>;
  const template = table[name] ?? table.invalid;
  return format(template, { n: param ?? "" });
}

/**
 * Picks the best supported locale from an Accept-Language header, e.g.
 * "en-GB,en;q=0.9,zh;q=0.8". Any Chinese variant maps to zh-CN.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
