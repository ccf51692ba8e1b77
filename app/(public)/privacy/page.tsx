import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

/** The privacy notice (PIPL): what is kept, why, for how long, who sees it, how to ask. */
export default async function PrivacyPage() {
  const t = await getTranslations("privacy");
  const stored = ["answers", "contact", "receipt", "noAddress"] as const;
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <h2>{t("storedTitle")}</h2>
      <ul>
        {stored.map((key) => (
          <li key={key}>{t(`stored.${key}`)}</li>
        ))}
      </ul>
      <h2>{t("whyTitle")}</h2>
      <p>{t("why")}</p>
      <h2>{t("howLongTitle")}</h2>
      <p>{t("howLong")}</p>
      <h2>{t("whoTitle")}</h2>
      <p>{t("who")}</p>
      <h2>{t("askTitle")}</h2>
      <p>{t("ask")}</p>
      <p>
        <Link href="/status">{t("askLink")}</Link>
      </p>
    </>
  );
}
