"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
import { codeStepAction, passwordStepAction, type SignInState } from "@/lib/server/actions/sign-in";

/** The sign-in error, announced and focused when it appears. */
function SignInAlert({ state }: { state: SignInState }) {
  const t = useTranslations("auth");
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), [state]);
  if (!state) return null;
  return (
    <p className="form-error error-summary" role="alert" tabIndex={-1} ref={ref} id="sign-in-error">
      {t(`errors.${state.error}`)}
    </p>
  );
}

/**
 * Step one of staff sign-in: a plain POST to a server action, so it works without
 * JavaScript and the password never appears in a URL.
 */
export function LoginForm() {
  const t = useTranslations("auth");
  const [state, dispatch, pending] = useActionState<SignInState, FormData>(passwordStepAction, null);
  return (
    <form action={dispatch} method="post" noValidate>
      <SignInAlert state={state} />
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state?.email ?? ""} key={state ? "again" : "first"} aria-describedby={state ? "sign-in-error" : undefined} />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby={state ? "sign-in-error" : undefined} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}

/** Step two: the code from the authenticator app, or a recovery code. */
export function CodeForm() {
  const t = useTranslations("auth");
  const [state, dispatch, pending] = useActionState<SignInState, FormData>(codeStepAction, null);
  return (
    <form action={dispatch} method="post" noValidate>
      <SignInAlert state={state} />
      <div className={`field${state ? " field--error" : ""}`}>
        <label htmlFor="code">{t("code.label")}</label>
        <p className="hint" id="code-hint">
          {t("code.hint")}
        </p>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={20}
          required
          // The page's one task: the user has just given the password on the step before.
          autoFocus
          className="input--short"
          aria-invalid={state ? true : undefined}
          aria-describedby={state ? "code-hint sign-in-error" : "code-hint"}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("signingIn") : t("code.submit")}
      </button>
    </form>
  );
}
