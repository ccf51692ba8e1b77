import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getWhen } from "@/lib/i18n/when";
import { knownKey, type KnownTarget } from "@/lib/server/moderation/known-targets";
import { targetParam, type TargetGroup } from "@/lib/server/moderation/targets";
import { CATEGORIES } from "@/lib/validation/options";

/** The grouped queue: one row per target with open reports, each opening its target page. */
export async function TargetGroups({ groups, known }: { groups: TargetGroup[]; known: Map<string, KnownTarget> }) {
  const t = await getTranslations();
  const when = await getWhen();
  return (
    <div className="table-wrap">
      <table className="queue">
        <thead>
          <tr>
            <th scope="col">{t("targets.columns.target")}</th>
            <th scope="col">{t("targets.columns.open")}</th>
            <th scope="col">{t("targets.columns.oldest")}</th>
            <th scope="col">{t("queue.columns.priority")}</th>
            <th scope="col">{t("targets.columns.lastDecision")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const last = known.get(knownKey(g));
            return (
              <tr key={`${g.kind}:${g.value}`}>
                <td className="queue-report">
                  <span className="muted">{t.has(`targetKinds.${g.kind}`) ? t(`targetKinds.${g.kind}`) : g.kind}</span>
                  <div>
                    <Link href={`/queue/targets/${targetParam(g)}`} className="queue-target">
                      {g.value}
                    </Link>
                  </div>
                </td>
                <td>
                  <strong>{g.open}</strong>
                  <div className="muted">
                    {CATEGORIES.filter((c) => g.byCategory[c] > 0)
                      .map((c) => `${t(`categories.${c}.name`)} ${g.byCategory[c]}`)
                      .join(" · ")}
                  </div>
                </td>
                <td>{when(g.oldest)}</td>
                <td>{g.severity >= 2 ? <strong className="urgent">{t("queue.urgent")}</strong> : t("queue.normal")}</td>
                <td>{last ? t("targets.lastDecision", { status: t(`staffStatuses.${last.status}`), date: when(last.decidedAt) }) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
