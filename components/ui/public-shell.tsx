import Link from "next/link";
import { ClientMessages } from "@/components/ui/client-messages";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";

/** The frame of every page a visitor can open without signing in. */
export async function PublicShell({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <ClientMessages>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <Link href="/after-you-report">{t("footer.after")}</Link>
        <Link href="/privacy">{t("footer.privacy")}</Link>
        <Link href="/transparency">{t("transparency.footerLink")}</Link>
      </footer>
    </ClientMessages>
  );
}
