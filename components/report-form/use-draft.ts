"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { FormValues } from "@/lib/validation/form-values";
import type { Category } from "@/lib/validation/options";

const PREFIX = "report-draft:";
const SAVE_AFTER_MS = 300;

/** A child-abuse report is never kept in the browser, not even for a reload. */
export function isKeptInBrowser(values: Record<string, unknown>): boolean {
  return values.subtype !== "child-abuse";
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage switched off: the form works, without drafts
  }
}

/**
 * The form's answers, kept in this browser tab (sessionStorage: gone when the tab closes,
 * never sent anywhere) while the form is open, so that a reload, a language switch or the
 * back button loses nothing. Files are not kept. The draft is restored when the form
 * opens, unless the server has just returned the form with its own copy of the answers;
 * it is removed when the report is sent, and before leaving a changed form the browser
 * asks. `restored` counts restores: the fields remount on it, so repeated rows show again.
 */
export function useDraft(category: Category, methods: UseFormReturn<FormValues>, { restore, sent }: { restore: boolean; sent: boolean }) {
  const key = PREFIX + category;
  const [restored, setRestored] = useState(0);
  const changed = useRef(false);
  const sentRef = useRef(sent);
  sentRef.current = sent;

  useEffect(() => {
    const store = storage();
    const raw = restore ? store?.getItem(key) : null;
    if (!raw) return;
    try {
      const draft = JSON.parse(raw) as FormValues;
      if (draft && typeof draft === "object" && isKeptInBrowser(draft)) {
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
      changed.current = true;
      clearTimeout(timer);
      const store = storage();
      if (!isKeptInBrowser(values)) {
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
      if (!changed.current || sentRef.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  useEffect(() => {
    if (!sent) return;
    storage()?.removeItem(key);
    changed.current = false;
  }, [sent, key]);

  const discard = useCallback(() => {
    storage()?.removeItem(key);
    methods.reset({});
    changed.current = false;
    setRestored(0);
  }, [methods, key]);

  return { restored, discard };
}
