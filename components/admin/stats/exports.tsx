import "server-only";
import { statsSearch, type StatsView } from "@/lib/stats/query";
import { statsFormats } from "./formats";

/** Downloads of the reports and the statistics for the same filters. */
export async function Exports({ view }: { view: StatsView }) {
  const { t } = await statsFormats();
  const exportHref = (kind: "reports" | "stats", fmt: "csv" | "json") => `/api/admin/export/${kind}?${statsSearch(view)}&format=${fmt}`;
  return (
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
  );
}
