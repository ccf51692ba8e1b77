"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef } from "react";

/**
 * ALTCHA's widget, invisible: in the background the browser solves a proof-of-work
 * challenge from `/api/v1/altcha` and puts the solution in a hidden `altcha` field of the
 * form, which raises the sender's rate limit on the server. Nobody has to click or read
 * anything, and nothing waits for it: a form sent before it finishes (or without
 * JavaScript) is simply judged by the base limit.
 *
 * The widget (about 34 kB gzipped) is imported only when this mounts, after the first
 * input, so the page's first load does not carry it.
 */
export function ProofOfWork() {
  const holder = useRef<HTMLDivElement>(null);
  const locale = useLocale();
  const t = useTranslations("form.proof");

  useEffect(() => {
    let cancelled = false;
    let widget: HTMLElement | undefined;
    import("altcha").then(
      () => {
        if (cancelled || !holder.current) return;
        const language = locale.toLowerCase();
        const { i18n, defaults } = globalThis.$altcha;
        // The widget's own wording, in the page's language; only shown if it ever becomes visible.
        i18n.set(language, {
          ...i18n.get("en"),
          label: t("label"),
          verifying: t("verifying"),
          verified: t("verified"),
          error: t("error"),
          expired: t("expired"),
          waitAlert: t("waitAlert"),
          verificationRequired: t("verificationRequired"),
        });
        // No pointer or keyboard signals are collected: the work alone is the proof.
        defaults.set({ hideFooter: true, hideLogo: true, humanInteractionSignature: false });
        const element = document.createElement("altcha-widget");
        element.setAttribute("challenge", "/api/v1/altcha");
        element.setAttribute("auto", "onload");
        element.setAttribute("display", "invisible");
        element.setAttribute("language", language);
        element.setAttribute("name", "altcha");
        // A challenge expires after half an hour; a slow writer gets a fresh one.
        element.addEventListener("expired", () => void element.verify());
        holder.current.append(element);
        widget = element;
      },
      () => {
        // The widget could not be loaded: the form works as it does without JavaScript.
      },
    );
    return () => {
      cancelled = true;
      widget?.remove();
    };
  }, [locale, t]);

  return <div ref={holder} hidden />;
}
