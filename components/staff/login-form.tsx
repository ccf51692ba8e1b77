"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

/** Staff sign-in through next-auth's Credentials provider. */
export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const email = String(data.get("email") ?? "");
        const password = String(data.get("password") ?? "");
        if (!email || !password) {
          setError(t("errors.required"));
          return;
        }
        setPending(true);
        const result = await signIn("credentials", { email, password, redirect: false });
        setPending(false);
        if (result?.ok && !result.error) {
          router.replace("/queue");
          router.refresh();
          return;
        }
        setError(result?.error === "locked" ? t("errors.locked") : t("errors.invalid"));
        requestAnimationFrame(() => errorRef.current?.focus());
      }}
    >
      {error && (
        <p className="form-error error-summary" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
