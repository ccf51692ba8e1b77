"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useState, type ReactNode } from "react";
import { useFormContext } from "react-hook-form";
import { useHydrated } from "./use-hydrated";

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

/**
 * Repeated rows (URLs, payments, suspects). Without JavaScript the page shows `initial`
 * rows; with it, empty trailing rows are dropped and rows can be added and removed.
 */
export function Repeatable({
  name,
  initial,
  max,
  addLabel,
  itemLabel,
  renderRow,
}: {
  name: string;
  initial: number;
  max: number;
  addLabel: string;
  itemLabel: (index: number) => string;
  renderRow: (prefix: string, index: number) => ReactNode;
}) {
  const t = useTranslations("form");
  const hydrated = useHydrated();
  const { getValues, setValue } = useFormContext();
  const [count, setCount] = useState(initial);

  useEffect(() => {
    const rows = (getValues(name) as unknown[] | undefined) ?? [];
    let filled = rows.length;
    while (filled > 0 && isEmpty(rows[filled - 1])) filled--;
    setCount(Math.max(1, filled));
  }, [getValues, name]);

  const remove = (index: number) => {
    const rows = [...((getValues(name) as unknown[] | undefined) ?? [])];
    rows.splice(index, 1);
    setCount((c) => Math.max(1, c - 1));
    rows.forEach((row, i) => setValue(`${name}.${i}`, row));
  };

  return (
    <>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="row">
          {hydrated && count > 1 && (
            <div className="row-header">
              <span className="muted">{itemLabel(index)}</span>
              <button type="button" className="link-button" onClick={() => remove(index)}>
                {t("removeItem", { item: itemLabel(index) })}
              </button>
            </div>
          )}
          {renderRow(`${name}.${index}`, index)}
        </div>
      ))}
      {hydrated && count < max && (
        <button type="button" className="button button--secondary" onClick={() => setCount(count + 1)}>
          {addLabel}
        </button>
      )}
    </>
  );
}
