import "server-only";
import Link from "next/link";
import { ReceivedChart } from "@/components/admin/received-chart";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { series, type Stats } from "@/lib/server/admin/stats";
import { startOfDay, type Day } from "@/lib/stats/days";
import { statsSearch, type StatsView } from "@/lib/stats/query";
import { CATEGORIES, type Category } from "@/lib/validation/options";
import { statsFormats } from "./formats";

/** Reports received per day, week or month: a chart, or a table without it. */
export async function ReceivedSeries({ stats, view }: { stats: Stats; view: StatsView }) {
  const { t, number, format, day } = await statsFormats();
  const categories: readonly Category[] = view.category ? [view.category] : CATEGORIES;
  const buckets = series(stats.daily, view.interval, view.from, view.to, categories);
  const bucketLabel = (d: Day) => (view.interval === "month" ? format.dateTime(startOfDay(d), { year: "numeric", month: "short" }) : day(d));
  return (
  <section aria-labelledby="series-title">
    <h2 id="series-title">{t(`stats.seriesTitle.${view.interval}`)}</h2>
    <p className="view-switch">
      <span>{t("stats.viewLabel")}:</span>{" "}
      {(["chart", "table"] as const).map((v) => (
        <Link key={v} href={`/admin/stats?${statsSearch(view, { view: v })}`} aria-current={view.view === v ? "page" : undefined}>
          {t(`stats.views.${v}`)}
        </Link>
      ))}
    </p>
    {view.view === "chart" && (
      <ReceivedChart
        data={buckets.map((b) => ({ label: bucketLabel(b.start), counts: b.counts }))}
        series={categories.map((c) => ({ key: c, name: t(`categories.${c}.name`) }))}
        legendLabel={t("stats.legend")}
      />
    )}
    <ScrollRegion label={t("stats.seriesTable")} hidden={view.view === "chart"}>
      <table className="data-table">
        <caption>{t("stats.seriesTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stats.periodStart")}</th>
            {categories.map((c) => (
              <th key={c} scope="col" className="num">
                {t(`categories.${c}.name`)}
              </th>
            ))}
            {categories.length > 1 && <th scope="col" className="num">{t("stats.total")}</th>}
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.start}>
              <th scope="row">{bucketLabel(b.start)}</th>
              {categories.map((c) => (
                <td key={c} className="num">
                  {number(b.counts[c])}
                </td>
              ))}
              {categories.length > 1 && <td className="num">{number(categories.reduce((a, c) => a + b.counts[c], 0))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  </section>
  );
}
