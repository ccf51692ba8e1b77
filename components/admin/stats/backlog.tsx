import "server-only";
import Link from "next/link";
import { getWhen } from "@/lib/i18n/when";
import { AGE_BANDS, type Stats } from "@/lib/server/admin/stats";
import { statsFormats } from "./formats";

/** The open reports by status and by age, and the oldest one. */
export async function Backlog({ stats }: { stats: Stats }) {
  const { t, number } = await statsFormats();
  const when = await getWhen();
  return (
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
              {t("stats.oldest", { id: stats.backlog.oldest.id.slice(0, 8), date: when(stats.backlog.oldest.submittedAt) })}
            </Link>
          </p>
        )}
      </>
    )}
  </section>
  );
}
