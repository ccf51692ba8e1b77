"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { useMessage } from "@/components/report-form/form-errors";
import { createStaffAction, resetPasswordAction, type OneTimePasswordState } from "@/lib/server/actions/admin";

/** The one-time password, shown once, right where it was asked for; never in a URL. */
function OneTimePassword({ state }: { state: OneTimePasswordState }) {
  const t = useTranslations();
  if (!state?.ok) return null;
  return (
    <div className="notice notice--success" role="status">
      <p>
        <strong>{t("staffAdmin.oneTimeTitle", { email: state.data.email })}</strong>
      </p>
      <p className="receipt-code" data-testid="one-time-password">
        {state.data.password}
      </p>
      <p>{t("staffAdmin.oneTimeBody")}</p>
    </div>
  );
}

export function CreateStaffForm() {
  const t = useTranslations();
  // The request's own messages, not both catalogues: lib/i18n's translateIssue imports them all.
  const message = useMessage();
  const [state, dispatch, pending] = useActionState<OneTimePasswordState, FormData>(createStaffAction, null);
  const failed = state && !state.ok ? state : null;
  const error = (name: string) => {
    const key = failed?.fieldErrors?.[name]?.[0];
    if (!key) return undefined;
    if (name === "email" && key !== "required") return t("staffAdmin.errors.email_invalid");
    if (name === "name") return t("staffAdmin.errors.name_required");
    return message(key);
  };
  const values = (failed?.values ?? {}) as Record<string, string>;
  const text = (name: "name" | "email", type: string, autoComplete: string) => (
    <div className={`field${error(name) ? " field--error" : ""}`}>
      <label htmlFor={`staff-${name}`}>{t(`staffAdmin.${name}`)}</label>
      {error(name) && (
        <p className="error-message" id={`staff-${name}-error`}>
          {error(name)}
        </p>
      )}
      <input
        id={`staff-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={values[name] ?? ""}
        key={`${name}-${state?.ok ? state.data.email : "form"}`}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `staff-${name}-error` : undefined}
      />
    </div>
  );
  return (
    <form action={dispatch} noValidate className="panel-box">
      <h2>{t("staffAdmin.create")}</h2>
      {failed?.formError && (
        <p className="form-error" role="alert">
          {t(failed.formError as never)}
        </p>
      )}
      <OneTimePassword state={state} />
      {text("name", "text", "off")}
      {text("email", "email", "off")}
      <div className="field">
        <label htmlFor="staff-role">{t("staffAdmin.role")}</label>
        <select id="staff-role" name="role" defaultValue={values.role ?? "MODERATOR"}>
          <option value="MODERATOR">{t("staffAdmin.roles.MODERATOR")}</option>
          <option value="ADMIN">{t("staffAdmin.roles.ADMIN")}</option>
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("staffAdmin.submitCreate")}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations();
  const [state, dispatch, pending] = useActionState<OneTimePasswordState, FormData>(resetPasswordAction, null);
  return (
    <form action={dispatch}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="link-button" disabled={pending} aria-label={`${t("staffAdmin.resetPassword")}: ${email}`}>
        {t("staffAdmin.resetPassword")}
      </button>
      {state && !state.ok && state.formError && (
        <p className="error-message" role="alert">
          {t(state.formError as never)}
        </p>
      )}
      <OneTimePassword state={state} />
    </form>
  );
}
