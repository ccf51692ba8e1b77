"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { ReactNode } from "react";

/** The ids a control points at with aria-describedby: its hint, then its error. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/**
 * One labelled question in the GOV.UK pattern: label, hint, the error right above the
 * control, and a red bar beside the whole field when it has an error.
 */
export function FieldShell({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  optional?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const t = useTranslations("form");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label} {optional && <span className="optional">{t("optional")}</span>}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
