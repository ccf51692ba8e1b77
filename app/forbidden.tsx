import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What forbidden() renders, with status 403: a signed-in moderator on an administration page. */
export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main id="main" className="staff-main">
      <h1>{t("forbidden.title")}</h1>
      <p>{t("forbidden.body")}</p>
      <p>
        <Link href="/queue">{t("forbidden.back")}</Link>
      </p>
    </main>
  );
}
