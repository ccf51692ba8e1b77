import "server-only";
import Link from "next/link";
import type { Stats } from "@/lib/server/admin/stats";
import { statsFormats } from "./formats";

/** The targets named by most reports in the range, each a link to the queue search. */
export async function TopTargets({ stats }: { stats: Stats }) {
  const { t, number } = await statsFormats();
  return (
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
              <td>{t.has(`targetKinds.${target.kind}`) ? t(`targetKinds.${target.kind}`) : target.kind}</td>
              <td className="num">{number(target.reports)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
  );
}
