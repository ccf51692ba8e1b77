import "server-only";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Stats } from "@/lib/server/admin/stats";
import { statsFormats } from "./formats";

/** Decisions per moderator, their median handling time and how many were overturned. */
export async function Moderators({ stats }: { stats: Stats }) {
  const { t, number, duration } = await statsFormats();
  return (
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
  );
}
