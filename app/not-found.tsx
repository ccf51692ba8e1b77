import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/ui/public-shell";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <PublicShell>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </PublicShell>
  );
}
