"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/validation/options";
import { formatMessage, type MessageValues } from "./format-message";

/**
 * Messages in the browser. The server renders with next-intl; the browser gets the same
 * catalogue through this provider and formats it with formatMessage, which covers the ICU
 * the messages use, instead of next-intl's client runtime and its full ICU parser (12 kB
 * gzipped on every page). The hooks keep next-intl's names and behaviour.
 */
type Tree = { readonly [key: string]: string | Tree };
type Context = { locale: Locale; messages: Tree; timeZone: string };

const I18n = createContext<Context | null>(null);

export function I18nProvider({ locale, messages, timeZone, children }: Context & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages, timeZone }), [locale, messages, timeZone]);
  return <I18n.Provider value={value}>{children}</I18n.Provider>;
}

function useI18n(): Context {
  const context = useContext(I18n);
  if (!context) throw new Error("I18nProvider is missing above this component");
  return context;
}

function lookup(tree: Tree, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

export type Translator = ((key: string, values?: MessageValues) => string) & { has: (key: string) => boolean };

/** `t(key, values)` within `namespace`; a missing message shows its key, as next-intl does. */
export function useTranslations(namespace?: string): Translator {
  const { messages, locale } = useI18n();
  return useMemo(() => {
    const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const t = (key: string, values?: MessageValues) => {
      const message = lookup(messages, full(key));
      return typeof message === "string" ? formatMessage(message, values, locale) : full(key);
    };
    t.has = (key: string) => typeof lookup(messages, full(key)) === "string";
    return t;
  }, [messages, locale, namespace]);
}

export function useLocale(): Locale {
  return useI18n().locale;
}

/** Numbers in the page's language; dates and times also in the portal's time zone. */
export function useFormatter() {
  const { locale, timeZone } = useI18n();
  return useMemo(
    () => ({
      number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
      dateTime: (value: Date | number, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(value),
    }),
    [locale, timeZone],
  );
}
