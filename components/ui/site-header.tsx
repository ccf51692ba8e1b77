import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      <div className="site-header__inner">
        <Link href="/" className="site-header__home">
          {t("home")}
        </Link>
        <nav aria-label={t("home")} className="site-header__nav">
          <Link href="/status">{t("status")}</Link>
          <LanguageSwitch label={t("switchLabel")} text={t("switchTo")} />
        </nav>
      </div>
    </header>
  );
}
