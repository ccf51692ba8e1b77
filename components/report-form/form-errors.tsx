"use client";

import { useTranslations } from "@/lib/i18n/client";
import { createContext, useContext, type ReactNode } from "react";

/** "transactions.0.amount" → "f-transactions-0-amount": the id an error links to. */
export function fieldId(name: string): string {
  return `f-${name.replace(/\./g, "-")}`;
}

/** Translates a message key from a schema or an action: "too_short:10", "errors.internal|ref". */
export function useMessage() {
  const t = useTranslations();
  return (key: string): string => {
    if (key.startsWith("errors.")) {
      const [name, ref] = key.split("|");
      return t(name as "errors.internal", { ref: ref ?? "" });
    }
    // The parameter is everything after the first colon: a file name may hold colons too.
    const colon = key.indexOf(":");
    const [name, n] = colon === -1 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
    const full = `validation.${name}`;
    return t.has(full as "validation.invalid") ? t(full as "validation.too_short", { n: n ?? "" }) : t("validation.invalid");
  };
}

type Errors = Record<string, string>;
const ErrorsContext = createContext<Errors>({});

export function ErrorsProvider({ errors, children }: { errors: Errors; children: ReactNode }) {
  return <ErrorsContext.Provider value={errors}>{children}</ErrorsContext.Provider>;
}

/** The translated error of one field, if it has one. */
export function useFieldError(name: string): string | undefined {
  return useContext(ErrorsContext)[name];
}

/** Flattens react-hook-form's nested errors to dotted paths, first message of each. */
export function flattenErrors(node: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (!node || typeof node !== "object") return out;
  const record = node as Record<string, unknown>;
  if (typeof record.message === "string" && record.message) out[prefix] = record.message;
  for (const [key, child] of Object.entries(record)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types" || key === "root") continue;
    flattenErrors(child, prefix ? `${prefix}.${key}` : key, out);
  }
  if (record.root) flattenErrors(record.root, prefix, out);
  return out;
}

/** Builds react-hook-form's nested error object from dotted paths. */
export function nestErrors(flat: Record<string, string[]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, messages] of Object.entries(flat)) {
    const parts = path ? path.split(".") : ["root"];
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    node[last] = Object.assign((node[last] as object) ?? {}, { type: "validation", message: messages[0] });
  }
  return root;
}
