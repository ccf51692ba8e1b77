import "server-only";
import { change, type Stats } from "@/lib/server/admin/stats";
import { statsFormats } from "./formats";

/** The headline figures: received, backlog, SLA, median time to a first decision. */
export async function SummaryCards({ stats, days }: { stats: Stats; days: number }) {
  const { t, number, percent, signed, share, duration } = await statsFormats();
  const medianAll = stats.segments.filter((s) => s.toFirstDecision.count > 0);
  return (
  <section aria-labelledby="summary-title" className="stat-cards">
    <h2 id="summary-title" className="visually-hidden">
      {t("stats.summary.received")}
    </h2>
    <div className="stat-card">
      <p className="stat-card__label">{t("stats.summary.received")}</p>
      <p className="stat-card__value">{number(stats.totals.received)}</p>
      <p className="stat-card__note">
        {change(stats.totals.received, stats.totals.receivedPrevious) === null
          ? t("stats.summary.noPrevious", { days })
          : t("stats.summary.vsPrevious", { change: signed(change(stats.totals.received, stats.totals.receivedPrevious)), days })}
      </p>
      <p className="stat-card__note">
        {change(stats.totals.received, stats.totals.receivedYearEarlier) === null
          ? t("stats.summary.noYear")
          : t("stats.summary.vsYear", { change: signed(change(stats.totals.received, stats.totals.receivedYearEarlier)) })}
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
  );
}
