import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { signOutAction } from "@/lib/server/actions/auth";

/** `ready`: signed in completely. Before that (password change, enrolment) only sign-out is offered. */
export async function StaffHeader({ name, isAdmin, ready }: { name: string; isAdmin: boolean; ready: boolean }) {
  const t = await getTranslations();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__inner site-header__inner--wide">
        <Link href="/queue" className="site-header__home">
          {t("queue.title")}
        </Link>
        <nav aria-label={t("queue.title")} className="site-header__nav">
          {ready && isAdmin && <Link href="/admin/stats">{t("adminNav.label")}</Link>}
          <span>{t("auth.signedInAs", { name })}</span>
          {ready && <Link href="/account/security">{t("auth.account")}</Link>}
          <LanguageSwitch label={t("nav.switchLabel")} text={t("nav.switchTo")} />
          <form action={signOutAction}>
            <button type="submit" className="link-button">
              {t("auth.signOut")}
            </button>
          </form>
        </nav>
      </div>
    </header>
  );
}
