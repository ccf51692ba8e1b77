import "server-only";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { change, OUTCOMES, type Stats } from "@/lib/server/admin/stats";
import { statsFormats } from "./formats";

/** Per segment: received and its changes, decision times, SLA, outcomes and subtypes. */
export async function PerCategory({ stats }: { stats: Stats }) {
  const { t, number, percent, signed, spread, share } = await statsFormats();
  return (
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
  );
}
