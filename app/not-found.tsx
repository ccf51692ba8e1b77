import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import { SiteHeader } from "@/components/ui/site-header";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <NextIntlClientProvider>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <p>
          <Link href="/">{t("home")}</Link>
        </p>
      </main>
    </NextIntlClientProvider>
  );
}
