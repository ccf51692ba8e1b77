import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { shortDuration } from "@/lib/i18n/durations";
import { holderOf } from "@/lib/moderation/claim";
import { getWhen } from "@/lib/i18n/when";
import { isRestricted } from "@/lib/moderation/restricted";
import { knownKey, type KnownTarget } from "@/lib/server/moderation/known-targets";
import { snippet } from "@/lib/moderation/snippet";
import type { listQueue } from "@/lib/server/moderation/queue";

type Row = Awaited<ReturnType<typeof listQueue>>["rows"][number];


export async function QueueTable({ rows, userId, locale, known, mayOpenRestricted }: { rows: Row[]; userId: string; locale: string; known: Map<string, KnownTarget>; mayOpenRestricted: boolean }) {
  const t = await getTranslations();
  const when = await getWhen();
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="queue">
        <thead>
          <tr>
            <th scope="col">{t("queue.columns.report")}</th>
            <th scope="col">{t("queue.columns.age")}</th>
            <th scope="col">{t("queue.columns.due")}</th>
            <th scope="col">{t("queue.columns.priority")}</th>
            <th scope="col">{t("queue.columns.holder")}</th>
            <th scope="col">{t("queue.columns.shared")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const left = row.expectedBy.getTime() - now;
            const holder = holderOf(row) ? row.claimedBy?.name : undefined;
            // A restricted report is counted and queued; its words and targets are not shown.
            const hidden = isRestricted(row) && !mayOpenRestricted;
            const subtype = row.subtype ? t.has(`subtypes.${row.category}.${row.subtype}` as never) ? t(`subtypes.${row.category}.${row.subtype}` as never) : row.subtype : "";
            return (
              <tr key={row.id}>
                <td className="queue-report">
                  <Link href={`/queue/${row.id}`} className="case-number">
                    {row.caseNumber ?? row.id.slice(0, 8)}
                  </Link>{" "}
                  {t(`categories.${row.category}.name` as never)}
                  {subtype && <span className="muted"> · {subtype}</span>}
                  {hidden ? (
                    <div className="queue-snippet muted">{t("queue.restricted")}</div>
                  ) : (
                    <div className="queue-snippet">{snippet(row.description)}</div>
                  )}
                  {!hidden && row.targets[0] && (
                    <div className="muted">
                      {t.has(`targetKinds.${row.targets[0].kind}`) ? t(`targetKinds.${row.targets[0].kind}`) : row.targets[0].kind}: <span className="queue-target">{row.targets[0].value}</span>
                    </div>
                  )}
                  {!hidden && row.targets[0] && known.has(knownKey(row.targets[0])) && (
                    <div className="badge badge--known">
                      {(() => {
                        const k = known.get(knownKey(row.targets[0]))!;
                        return t("queue.knownTarget", { status: t(`staffStatuses.${k.status}` as never), date: when(k.decidedAt), case: k.caseNumber ?? k.reportId.slice(0, 8) });
                      })()}
                    </div>
                  )}
                  <div className="muted">{t(`staffStatuses.${row.status}` as never)}</div>
                  {row.replyPending && <span className="badge">{t("queue.replyWaiting")}</span>}
                </td>
                <td>{shortDuration(now - row.submittedAt.getTime(), locale)}</td>
                <td className={left < 0 ? "overdue" : undefined}>
                  {left < 0 ? t("queue.overdueBy", { time: shortDuration(left, locale) }) : t("queue.dueIn", { time: shortDuration(left, locale) })}
                </td>
                <td>
                  {row.severity >= 2 ? <strong className="urgent">{t("queue.urgent")}</strong> : t("queue.normal")}
                  {row.partner && <div className="badge">{t("queue.trustedFlagger", { name: row.partner.name })}</div>}
                </td>
                <td>{holder ? (row.claimedById === userId ? t("queue.mine") : holder) : "—"}</td>
                <td>{row.targetCount}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
