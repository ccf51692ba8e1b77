import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ReceivedChart } from "@/components/admin/received-chart";
import { StatsFilters } from "@/components/admin/stats-filters";
import { DATE_TIME } from "@/lib/i18n/formats";
import { shortDuration } from "@/lib/i18n/durations";
import { AGE_BANDS, change, getStats, OUTCOMES, series, type Spread } from "@/lib/server/admin/stats";
import { requireAdmin } from "@/lib/server/auth/require-staff";
import { daysBetween, startOfDay, type Day } from "@/lib/stats/days";
import { parseStatsView, statsSearch } from "@/lib/stats/query";
import { CATEGORIES, type Category } from "@/lib/validation/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatsPage({ searchParams }: Props) {
  await requireAdmin();
  const view = parseStatsView(await searchParams);
  const stats = await getStats({ from: view.from, to: view.to, category: view.category });
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();

  const day = (d: Day, long = false) =>
    format.dateTime(startOfDay(d), long ? { year: "numeric", month: "long", day: "numeric" } : { year: "numeric", month: "short", day: "numeric" });
  const bucketLabel = (d: Day) =>
    view.interval === "month" ? format.dateTime(startOfDay(d), { year: "numeric", month: "short" }) : day(d);
  const number = (n: number) => format.number(n);
  const percent = (value: number | null) => (value === null ? t("stats.none") : format.number(value, { style: "percent", maximumFractionDigits: 1 }));
  const signed = (value: number | null) =>
    value === null ? t("stats.summary.noComparison") : format.number(value, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const duration = (secs: number | null) => (secs === null ? t("stats.none") : shortDuration(secs * 1000, locale));
  const spread = (s: Spread) => [duration(s.median), duration(s.p90)];
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

  const categories: readonly Category[] = view.category ? [view.category] : CATEGORIES;
  const buckets = series(stats.daily, view.interval, view.from, view.to, categories);
  const days = daysBetween(view.from, view.to) + 1;
  const medianAll = stats.segments.filter((s) => s.toFirstDecision.count > 0);
  const exportHref = (kind: "reports" | "stats", fmt: "csv" | "json") => `/api/admin/export/${kind}?${statsSearch(view)}&format=${fmt}`;

  return (
    <>
      <AdminNav current="/admin/stats" />
      <h1>{t("stats.title")}</h1>
      <p className="muted">
        {t("stats.subtitle", { from: day(view.from, true), to: day(view.to, true), asOf: format.dateTime(stats.asOf, DATE_TIME) })}
      </p>
      {view.problem && (
        <p className="form-error" role="alert">
          {t(`stats.problems.${view.problem}`)}
        </p>
      )}
      <StatsFilters view={view} />

      <section aria-labelledby="summary-title" className="stat-cards">
        <h2 id="summary-title" className="visually-hidden">
          {t("stats.summary.received")}
        </h2>
        <div className="stat-card">
          <p className="stat-card__label">{t("stats.summary.received")}</p>
          <p className="stat-card__value">{number(stats.totals.received)}</p>
          <p className="stat-card__note">
            {t("stats.summary.vsPrevious", { change: signed(change(stats.totals.received, stats.totals.receivedPrevious)), days })}
          </p>
          <p className="stat-card__note">
            {t("stats.summary.vsYear", { change: signed(change(stats.totals.received, stats.totals.receivedYearEarlier)) })}
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-card__label">{t("stats.summary.backlog")}</p>
          <p className="stat-card__value">{number(stats.backlog.total)}</p>
        </div>
        <div className="stat-card">
          <p className="stat-card__label">{t("stats.summary.sla")}</p>
          <p className="stat-card__value">{percent(share(stats.totals.sla.onTime, stats.totals.sla.due))}</p>
          <p className="stat-card__note">
            {t("stats.summary.slaDetail", { onTime: number(stats.totals.sla.onTime), due: number(stats.totals.sla.due) })}
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-card__label">{t("stats.summary.firstDecision")}</p>
          <ul className="stat-card__list">
            {medianAll.map((s) => (
              <li key={s.segment}>
                {t(`stats.segments.${s.segment}`)}: <strong>{duration(s.toFirstDecision.median)}</strong>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="series-title">
        <h2 id="series-title">{t("stats.seriesTitle", { interval: t(`stats.intervals.${view.interval}`) })}</h2>
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

      <section aria-labelledby="category-title">
        <h2 id="category-title">{t("stats.perCategory")}</h2>
        <p className="hint">{t("stats.perCategoryHint")}</p>
        <ScrollRegion label={t("stats.perCategory")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("stats.columns.segment")}</th>
                <th scope="col" className="num">{t("stats.columns.received")}</th>
                <th scope="col" className="num">{t("stats.columns.vsPrevious")}</th>
                <th scope="col" className="num">{t("stats.columns.vsYear")}</th>
                <th scope="col" className="num">{t("stats.columns.medianFirst")}</th>
                <th scope="col" className="num">{t("stats.columns.p90First")}</th>
                <th scope="col" className="num">{t("stats.columns.medianClosure")}</th>
                <th scope="col" className="num">{t("stats.columns.p90Closure")}</th>
                <th scope="col" className="num">{t("stats.columns.sla")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.segments.map((s) => (
                <tr key={s.segment}>
                  <th scope="row">{t(`stats.segments.${s.segment}`)}</th>
                  <td className="num">{number(s.received)}</td>
                  <td className="num">{signed(change(s.received, s.receivedPrevious))}</td>
                  <td className="num">{signed(change(s.received, s.receivedYearEarlier))}</td>
                  {[...spread(s.toFirstDecision), ...spread(s.toClosure)].map((v, i) => (
                    <td key={i} className="num">
                      {v}
                    </td>
                  ))}
                  <td className="num">{percent(share(s.sla.onTime, s.sla.due))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>

        <h3>{t("stats.outcomesTitle")}</h3>
        <ScrollRegion label={t("stats.outcomesTitle")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("stats.columns.segment")}</th>
                {OUTCOMES.map((o) => (
                  <th key={o} scope="col" className="num">
                    {t(`stats.outcomes.${o}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.segments.map((s) => (
                <tr key={s.segment}>
                  <th scope="row">{t(`stats.segments.${s.segment}`)}</th>
                  {OUTCOMES.map((o) => (
                    <td key={o} className="num">
                      {number(s.outcomes[o])} <span className="muted">({percent(share(s.outcomes[o], s.received))})</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>

        <h3>{t("stats.subtypesTitle")}</h3>
        <div className="subtype-grid">
          {stats.segments
            .filter((s) => s.subtypes.length > 0)
            .map((s) => (
              <table key={s.segment} className="data-table data-table--compact">
                <caption>{t(`stats.segments.${s.segment}`)}</caption>
                <tbody>
                  {s.subtypes.map((sub) => {
                    const category = s.segment.startsWith("crime") ? "crime" : s.segment;
                    const key = `subtypes.${category}.${sub.subtype}`;
                    return (
                      <tr key={sub.subtype ?? "none"}>
                        <th scope="row">{sub.subtype && t.has(key as never) ? t(key as never) : sub.subtype ?? t("stats.noSubtype")}</th>
                        <td className="num">{number(sub.received)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ))}
        </div>
      </section>

      <section aria-labelledby="backlog-title">
        <h2 id="backlog-title">{t("stats.backlogTitle")}</h2>
        {stats.backlog.total === 0 ? (
          <p>{t("stats.noBacklog")}</p>
        ) : (
          <>
            <div className="subtype-grid">
              <table className="data-table data-table--compact">
                <caption>{t("stats.backlogByStatus")}</caption>
                <tbody>
                  {Object.entries(stats.backlog.byStatus).map(([status, count]) => (
                    <tr key={status}>
                      <th scope="row">{t.has(`statuses.${status}` as never) ? t(`statuses.${status}` as never) : status}</th>
                      <td className="num">{number(count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="data-table data-table--compact">
                <caption>{t("stats.backlogByAge")}</caption>
                <tbody>
                  {AGE_BANDS.map((band) => (
                    <tr key={band}>
                      <th scope="row">{t(`stats.ages.${band}`)}</th>
                      <td className="num">{number(stats.backlog.byAge[band])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {stats.backlog.oldest && (
              <p>
                <Link href={`/queue/${stats.backlog.oldest.id}`}>
                  {t("stats.oldest", { id: stats.backlog.oldest.id.slice(0, 8), date: format.dateTime(stats.backlog.oldest.submittedAt, DATE_TIME) })}
                </Link>
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="moderators-title">
        <h2 id="moderators-title">{t("stats.moderatorsTitle")}</h2>
        <p className="hint">{t("stats.moderatorsHint")}</p>
        {stats.moderators.length === 0 ? (
          <p>{t("stats.noModerators")}</p>
        ) : (
          <ScrollRegion label={t("stats.moderatorsTitle")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("stats.moderatorColumns.moderator")}</th>
                  <th scope="col" className="num">{t("stats.moderatorColumns.decisions")}</th>
                  <th scope="col" className="num">{t("stats.moderatorColumns.handling")}</th>
                  <th scope="col" className="num">{t("stats.moderatorColumns.overturned")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.moderators.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.name} <span className="muted">{m.email}</span>
                    </th>
                    <td className="num">{number(m.decisions)}</td>
                    <td className="num">{duration(m.medianHandlingSecs)}</td>
                    <td className="num">{number(m.overturned)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t("stats.targetsTitle")}</h2>
        <p className="hint">{t("stats.targetsHint")}</p>
        {stats.topTargets.length === 0 ? (
          <p>{t("stats.noTargets")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("stats.targetColumns.target")}</th>
                <th scope="col">{t("stats.targetColumns.kind")}</th>
                <th scope="col" className="num">{t("stats.targetColumns.reports")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.topTargets.map((target) => (
                <tr key={`${target.kind}:${target.value}`}>
                  <th scope="row" className="break">
                    <Link href={`/queue?${new URLSearchParams({ q: target.value, status: "any" })}`}>{target.value}</Link>
                  </th>
                  <td>{target.kind}</td>
                  <td className="num">{number(target.reports)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="exports-title">
        <h2 id="exports-title">{t("stats.exports")}</h2>
        <p className="hint">{t("stats.exportHint")}</p>
        <ul className="button-row">
          {(["csv", "json"] as const).map((fmt) => (
            <li key={`r-${fmt}`}>
              <a className="button button--secondary" href={exportHref("reports", fmt)} download>
                {t("stats.exportReports", { format: fmt.toUpperCase() })}
              </a>
            </li>
          ))}
          {(["csv", "json"] as const).map((fmt) => (
            <li key={`s-${fmt}`}>
              <a className="button button--secondary" href={exportHref("stats", fmt)} download>
                {t("stats.exportStats", { format: fmt.toUpperCase() })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
