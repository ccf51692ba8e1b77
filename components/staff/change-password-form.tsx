"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction, type PasswordState } from "@/lib/server/actions/auth";

export function ChangePasswordForm() {
  const t = useTranslations();
  const [state, dispatch, pending] = useActionState<PasswordState, FormData>(changePasswordAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused change, the first field with a problem gets the focus.
  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  const error = (name: string) => {
    const key = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
    return key ? t(key as never) : undefined;
  };
  const field = (name: string, label: string, autoComplete: string, hint?: string) => (
    <div className={`field${error(name) ? " field--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint && <p className="hint" id={`${name}-hint`}>{hint}</p>}
      {error(name) && <p className="error-message" id={`${name}-error`}>{error(name)}</p>}
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={[hint ? `${name}-hint` : "", error(name) ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
  return (
    <form action={dispatch} noValidate ref={formRef}>
      {field("current", t("auth.changePassword.current"), "current-password")}
      {field("next", t("auth.changePassword.next"), "new-password", t("auth.changePassword.hint"))}
      {field("confirm", t("auth.changePassword.confirm"), "new-password")}
      <button type="submit" className="button" disabled={pending}>{t("auth.changePassword.submit")}</button>
    </form>
  );
}
