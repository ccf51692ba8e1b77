"use client";

import Link from "next/link";
import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
import { describedBy, FieldShell } from "@/components/ui/field-shell";
import { enrolAction, newRecoveryCodesAction, type EnrolState } from "@/lib/server/actions/auth";

/** A field's ref that takes the focus when the action answers with an error for it, so it is read out with the error. */
function useFocusOnError(state: EnrolState, error: string | undefined) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [state, error]);
  return ref;
}

/** The recovery codes, right where they were made, once: they are in no URL and no store. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("auth.twoFactor");
  return (
    <section className="notice notice--success" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t("recoveryTitle")}</h2>
      <p>{t("recoveryIntro")}</p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </section>
  );
}

export type EnrolmentView = { key: string; uri: string; qrSvg: string };

/**
 * Enrolment: the QR code, the key as text for apps that cannot scan, and one code to
 * confirm. After it, the same place shows the recovery codes.
 */
export function TwoFactorEnrolment({ enrolment }: { enrolment: EnrolmentView | null }) {
  const t = useTranslations("auth.twoFactor");
  const [state, dispatch, pending] = useActionState<EnrolState, FormData>(enrolAction, null);
  const error = state && !state.ok ? state.fieldErrors?.code?.[0] : undefined;
  const focused = useFocusOnError(state, error);
  if (state?.ok) {
    return (
      <>
        <p className="notice notice--success" role="status">
          <strong>{t("doneTitle")}</strong>
        </p>
        <RecoveryCodes codes={state.data.codes} />
        <p>
          <Link href="/queue" className="button">
            {t("continue")}
          </Link>
        </p>
      </>
    );
  }
  if (!enrolment) return <p className="notice">{t("already")}</p>;
  const grouped = enrolment.key.match(/.{1,4}/g)?.join(" ") ?? enrolment.key;
  return (
    <ol className="steps">
      <li>
        <p>{t("scan")}</p>
        <div className="qr-code" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
        <p>{t("manual")}</p>
        <p>
          <span className="muted">{t("keyLabel")} </span>
          <code className="totp-key" data-testid="totp-key">
            {grouped}
          </code>
        </p>
      </li>
      <li>
        <p>{t("enter")}</p>
        <form action={dispatch} method="post" noValidate>
          <FieldShell id="enrol-code" label={t("code")} hint={t("codeHint")} error={error && t(error.replace("auth.twoFactor.", "") as "codeWrong")}>
            <input
              id="enrol-code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={20}
              className="input--short"
              ref={focused}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy("enrol-code", "hint", error)}
            />
          </FieldShell>
          <button type="submit" className="button" disabled={pending}>
            {t("submit")}
          </button>
        </form>
      </li>
    </ol>
  );
}

/** Replaces the recovery codes, after the current password; the new ones are shown here once. */
export function NewRecoveryCodesForm() {
  const t = useTranslations("auth.security");
  const tr = useTranslations();
  const [state, dispatch, pending] = useActionState<EnrolState, FormData>(newRecoveryCodesAction, null);
  const error = state && !state.ok ? state.fieldErrors?.password?.[0] : undefined;
  const focused = useFocusOnError(state, error);
  return (
    <>
      {state?.ok && <RecoveryCodes codes={state.data.codes} />}
      <form action={dispatch} method="post" noValidate className="panel-box">
        <FieldShell id="codes-password" label={t("confirmPassword")} hint={`${t("confirmPasswordHint")} ${t("newCodesHint")}`} error={error && tr(error as "auth.changePassword.wrong")}>
          <input
            id="codes-password"
            name="password"
            type="password"
            autoComplete="current-password"
            ref={focused}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("codes-password", "hint", error)}
          />
        </FieldShell>
        <button type="submit" className="button button--secondary" disabled={pending}>
          {t("newCodes")}
        </button>
      </form>
    </>
  );
}
