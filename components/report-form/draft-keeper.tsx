"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import type { FormValues } from "@/lib/validation/form-values";
import type { Category } from "@/lib/validation/options";
import { draftKey } from "./draft-key";

const SAVE_AFTER_MS = 300;

/** A child-abuse report is never kept in the browser, not even for a reload. */
export function isKeptInBrowser(values: Record<string, unknown>): boolean {
  return values.subtype !== "child-abuse";
}

/** Whether anything was answered: a non-blank text, a ticked box, a chosen option, at any depth. */
function hasAnswers(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (value === true) return true;
  if (value && typeof value === "object") return Object.values(value).some(hasAnswers);
  return false;
}

export function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage switched off: the form works, without drafts
  }
}

/**
 * Keeps the form's answers in this browser tab (sessionStorage: gone when the tab closes,
 * never sent anywhere) while the form is open, so that a reload, a language switch or the
 * back button loses nothing. Files are not kept. The draft is restored when the form
 * opens, unless the server has just returned the form with its own copy of the answers;
 * it is removed when the report is sent, and before leaving a changed form the browser
 * asks. It loads after the page has hydrated, in its own chunk, and says when it put
 * answers back; `onRestored` counts restores, on which the fields remount so that
 * repeated rows show again. The form removes the draft itself once the report is in.
 */
export function DraftKeeper({ category, restore, onRestored }: { category: Category; restore: boolean; onRestored: (count: number) => void }) {
  const t = useTranslations("form");
  const methods = useFormContext<FormValues>();
  const key = draftKey(category);
  const [restored, setRestored] = useState(0);
  const changed = useRef(false);

  useEffect(() => {
    const store = storage();
    const raw = restore ? store?.getItem(key) : null;
    if (!raw) {
      // Answers given before this loaded (it comes after the page) are kept too.
      const now = methods.getValues();
      if (hasAnswers(now)) {
        changed.current = true;
        if (isKeptInBrowser(now)) store?.setItem(key, JSON.stringify(now));
      }
      return;
    }
    try {
      const draft = JSON.parse(raw) as FormValues;
      if (draft && typeof draft === "object" && isKeptInBrowser(draft) && hasAnswers(draft)) {
        methods.reset(draft);
        changed.current = true;
        setRestored((n) => n + 1);
      }
    } catch {
      store?.removeItem(key);
    }
    // Once, when the form opens: later changes of `restore` or `methods` must not restore again.
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = methods.watch((values) => {
      changed.current = hasAnswers(values);
      clearTimeout(timer);
      const store = storage();
      if (!isKeptInBrowser(values) || !hasAnswers(values)) {
        store?.removeItem(key);
        return;
      }
      timer = setTimeout(() => store?.setItem(key, JSON.stringify(values)), SAVE_AFTER_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [methods, key]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!changed.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  useEffect(() => onRestored(restored), [restored, onRestored]);

  const discard = useCallback(() => {
    storage()?.removeItem(key);
    methods.reset({});
    changed.current = false;
    setRestored(0);
  }, [methods, key]);

  if (restored === 0) return null;
  return (
    <p className="notice" role="status">
      {t("draftRestored")}{" "}
      <button type="button" className="link-button" onClick={discard}>
        {t("discardDraft")}
      </button>
    </p>
  );
}
