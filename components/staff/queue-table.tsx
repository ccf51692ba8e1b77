import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { shortDuration } from "@/lib/i18n/durations";
import { holderOf } from "@/lib/moderation/claim";
import type { listQueue } from "@/lib/server/moderation/queue";

type Row = Awaited<ReturnType<typeof listQueue>>["rows"][number];

export async function QueueTable({ rows, userId, locale }: { rows: Row[]; userId: string; locale: string }) {
  const t = await getTranslations();
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
            const subtype = row.subtype ? t.has(`subtypes.${row.category}.${row.subtype}` as never) ? t(`subtypes.${row.category}.${row.subtype}` as never) : row.subtype : "";
            return (
              <tr key={row.id}>
                <td>
                  <Link href={`/queue/${row.id}`}>{t(`categories.${row.category}.name` as never)}</Link>
                  {subtype && <div className="muted">{subtype}</div>}
                  <div className="muted">{t(`statuses.${row.status}` as never)}</div>
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
