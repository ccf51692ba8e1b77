import type { Metadata } from "next";
import { getWhen } from "@/lib/i18n/when";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getTransparency, type PublicCount } from "@/lib/server/admin/transparency";
import { startOfDay } from "@/lib/stats/days";
import { CATEGORIES } from "@/lib/validation/options";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transparency"))("title") };
}

/** Public monthly figures per category, with small numbers suppressed. No sign-in. */
export default async function TransparencyPage() {
  const report = await getTransparency();
  const t = await getTranslations();
  const format = await getFormatter();
  const when = await getWhen();
  const count = (c: PublicCount) => (typeof c === "number" ? format.number(c) : c);
  const month = (m: number) => format.dateTime(startOfDay(m * 100 + 1), { year: "numeric", month: "long" });

  return (
    <>
      <h1>{t("transparency.title")}</h1>
      <p>{t("transparency.intro")}</p>
      <p className="notice">{t("transparency.suppression")}</p>
      <p className="muted">{t("transparency.asOf", { date: when(report.asOf) })}</p>
      <p>
        <a className="button button--secondary" href="/transparency/csv" download>
          {t("transparency.csv")}
        </a>
      </p>
      {CATEGORIES.map((category) => (
        <section key={category} aria-labelledby={`t-${category}`}>
          <h2 id={`t-${category}`}>{t(`transparency.sections.${category}`)}</h2>
          <ScrollRegion label={t(`transparency.sections.${category}`)}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("transparency.month")}</th>
                  <th scope="col" className="num">{t("transparency.received")}</th>
                  <th scope="col" className="num">{t("transparency.actioned")}</th>
                  <th scope="col" className="num">{t("transparency.forwarded")}</th>
                  <th scope="col" className="num">{t("transparency.rejected")}</th>
                  <th scope="col" className="num">{t("transparency.medianDays")}</th>
                </tr>
              </thead>
              <tbody>
                {report.categories[category].map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{month(row.month)}</th>
                    <td className="num">{count(row.received)}</td>
                    <td className="num">{count(row.actioned)}</td>
                    <td className="num">{count(row.forwarded)}</td>
                    <td className="num">{count(row.rejected)}</td>
                    <td className="num">{row.medianDays === null ? "—" : format.number(row.medianDays, { maximumFractionDigits: 1 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
    </>
  );
}
