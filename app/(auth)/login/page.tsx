import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CodeForm, LoginForm } from "@/components/staff/login-form";
import { currentSession, STAGE_PAGE } from "@/lib/server/auth/require-staff";
import { SIGN_IN_FAILURES } from "@/lib/server/auth/sign-in";
import { signOutAction } from "@/lib/server/actions/auth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: (await currentSession())?.stage === "code" ? t("code.title") : t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Staff sign-in in two steps on one address: the password, then (for a user with a second
 * factor) the code. The step shown follows the session in the cookie, so a reload or the
 * back button lands on the right one.
 */
export default async function LoginPage({ searchParams }: Props) {
  const session = await currentSession();
  if (session?.stage === "ready") redirect("/queue");
  if (session && session.stage !== "code") redirect(STAGE_PAGE[session.stage]);
  const t = await getTranslations("auth");
  if (session) {
    return (
      <>
        <h1>{t("code.title")}</h1>
        <p>{t("code.intro")}</p>
        <CodeForm />
        <form action={signOutAction} className="after-form">
          <button type="submit" className="link-button">
            {t("code.cancel")}
          </button>
        </form>
      </>
    );
  }
  const params = await searchParams;
  const ended = params.ended === "1";
  const error = typeof params.error === "string" ? (SIGN_IN_FAILURES.find((e) => e === params.error) ?? "failed") : undefined;
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {(ended || error) && (
        <p className="notice" role="status">
          {t(`errors.${error ?? "expired"}`)}
        </p>
      )}
      <LoginForm />
    </>
  );
}
