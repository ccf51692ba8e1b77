"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { DECLARATIONS } from "@/lib/categories";
import { byFormOrder } from "@/lib/categories/declaration";
import type { Category } from "@/lib/validation/options";
import { useEffect, useRef } from "react";
import { fieldId } from "./form-errors";

/**
 * The GOV.UK error summary: at the top of the form, focused after a failed submit, with
 * a link to each field in error, in the order the form asks (its category's declaration).
 * It loads with the browser's first check, not with the page.
 */
export function ErrorSummary({
  category,
  errors,
  formError,
  focusTick,
}: {
  category: Category;
  errors: Record<string, string>;
  formError?: string;
  focusTick: number;
}) {
  const t = useTranslations("form");
  const all = useTranslations();
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const order = byFormOrder(DECLARATIONS[category]);
  const entries = Object.entries(errors).sort(([a], [b]) => order(a, b));
  const visible = entries.length > 0 || Boolean(formError);

  // Focus once per failed submit, as soon as the summary is on screen: the errors may
  // arrive a render after the submit that raised them.
  const focused = useRef(0);
  useEffect(() => {
    if (focusTick > focused.current && visible && ref.current) {
      focused.current = focusTick;
      ref.current.focus();
    }
  }, [focusTick, visible]);

  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("errorSummary")}</h2>
      {formError && <p className="form-error">{formError}</p>}
      {entries.length > 0 && (
        <>
          <p>{t("errorSummaryIntro")}</p>
          <ul>
            {entries.map(([path, text]) => (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => {
                    const target = document.getElementById(fieldId(path));
                    if (!target) return;
                    event.preventDefault();
                    target.scrollIntoView({ block: "center" });
                    target.focus();
                  }}
                >
                  {labelled(labelFor(all, path), text, locale)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** "transactions.1.amount" → "Amount (2)"; groups use their own label. */
function labelFor(t: ReturnType<typeof useTranslations>, path: string): string {
  const parts = path.split(".");
  const index = parts.find((p) => /^\d+$/.test(p));
  const names = parts.filter((p) => !/^\d+$/.test(p));
  while (names.length) {
    const key = `fields.${names.join(".")}`;
    const label = t.has(`${key}.label` as never) ? t(`${key}.label` as never) : t.has(key as never) ? t(key as never) : undefined;
    if (typeof label === "string") return index !== undefined ? `${label} (${Number(index) + 1})` : label;
    names.pop();
  }
  return path;
}

/** "Label: message", without a colon after a question mark ("您是否遭受了财产损失？请选择一项。"). */
function labelled(label: string, text: string, locale: string): string {
  if (/[?？:：]$/.test(label)) return locale.startsWith("zh") ? `${label}${text}` : `${label} ${text}`;
  return locale.startsWith("zh") ? `${label}：${text}` : `${label}: ${text}`;
}
