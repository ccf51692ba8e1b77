import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CodeForm, LoginForm } from "@/components/staff/login-form";
import { currentSession, STAGE_PAGE } from "@/lib/server/auth/require-staff";
import { signOutAction } from "@/lib/server/actions/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
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
  const ended = (await searchParams).ended === "1";
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {ended && (
        <p className="notice" role="status">
          {t("errors.expired")}
        </p>
      )}
      <LoginForm />
    </>
  );
}
