import type { Metadata } from "next";
import { getWhen } from "@/lib/i18n/when";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { auditSentence, type AuditWords } from "@/lib/moderation/audit-sentence";
import { auditChoices, auditFiltersSchema, listAudit, SYSTEM_ACTOR } from "@/lib/server/admin/audit-log";
import { requireAdmin } from "@/lib/server/auth/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditAdmin"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requireAdmin();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = auditFiltersSchema.parse(raw);
  const [{ rows, actors, next, dateProblem }, choices] = await Promise.all([listAudit(filters), auditChoices()]);
  const t = await getTranslations();
  const when = await getWhen();
  const cases = new Map(rows.filter((r) => r.reportId && r.report?.caseNumber).map((r) => [r.reportId!, r.report!.caseNumber!]));
  const words: AuditWords = {
    person: (id) => actors.get(id) ?? id.slice(0, 8),
    nobody: (action) => t(action === "message:reporter" ? "auditAdmin.nobody.reporter" : "auditAdmin.nobody.system"),
    status: (status) => (t.has(`statuses.${status}`) ? t(`statuses.${status}`) : status),
    role: (role) => (t.has(`staffAdmin.roles.${role}`) ? t(`staffAdmin.roles.${role}`) : role),
    report: (id) => cases.get(id) ?? id.slice(0, 8),
    category: (category) => (t.has(`categories.${category}.name`) ? t(`categories.${category}.name`) : category),
  };
  const kept = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && e[0] !== "before"),
  );
  const nextHref = next ? `/admin/audit?${new URLSearchParams([...kept, ["before", next]])}` : null;

  return (
    <>
      <AdminNav current="/admin/audit" />
      <h1>{t("auditAdmin.title")}</h1>
      <p>{t("auditAdmin.intro")}</p>
      <form method="get" action="/admin/audit" className="filters">
        <div className="field">
          <label htmlFor="audit-actor">{t("auditAdmin.actor")}</label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""}>
            <option value="">{t("auditAdmin.anyActor")}</option>
            <option value={SYSTEM_ACTOR}>{t("auditAdmin.system")}</option>
            {choices.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("auditAdmin.action")}</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">{t("auditAdmin.anyAction")}</option>
            {choices.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-report">{t("auditAdmin.report")}</label>
          <input id="audit-report" name="report" type="text" defaultValue={filters.report ?? ""} />
        </div>
        <div className={`field${dateProblem ? " field--error" : ""}`}>
          <label htmlFor="audit-from">{t("auditAdmin.from")}</label>
          {dateProblem && <p className="error-message">{t("auditAdmin.invalidDate")}</p>}
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("auditAdmin.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="filters__buttons button-row">
          <button type="submit" className="button">
            {t("auditAdmin.apply")}
          </button>
          <Link href="/admin/audit" className="button button--secondary">
            {t("auditAdmin.clear")}
          </Link>
          <a href={`/api/admin/export/audit?${kept}`} className="button button--secondary" download>
            {t("auditAdmin.csv")}
          </a>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{t("auditAdmin.empty")}</p>
      ) : (
        <ScrollRegion label={t("auditAdmin.title")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("auditAdmin.columns.at")}</th>
                <th scope="col">{t("auditAdmin.columns.event")}</th>
                <th scope="col">{t("auditAdmin.columns.report")}</th>
                <th scope="col">{t("auditAdmin.changed")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const sentence = auditSentence(row, words);
                return (
                  <tr key={row.id} data-action={row.action}>
                    <td className="audit-time">{when(row.at)}</td>
                    <td className="audit-event">{t(`auditAdmin.events.${sentence.key}`, sentence.values)}</td>
                    <td className="nowrap">
                      {row.reportId && (
                        <Link href={`/queue/${row.reportId}`}>
                          <span className="case-number">{cases.get(row.reportId) ?? row.reportId.slice(0, 8)}</span>
                        </Link>
                      )}
                    </td>
                    <td>
                      {sentence.changes.length > 0 && (
                        <ul className="audit-changes">
                          {sentence.changes.map((c) => (
                            <li key={c.field}>
                              {t.has(`auditAdmin.fields.${c.field}`) ? t(`auditAdmin.fields.${c.field}`) : c.field}: {c.from ?? t("auditAdmin.none")} → {c.to ?? t("auditAdmin.none")}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <nav className="button-row" aria-label={t("auditAdmin.title")}>
        {filters.before && (
          <Link className="button button--secondary" href={`/admin/audit?${kept}`}>
            {t("auditAdmin.first")}
          </Link>
        )}
        {nextHref && (
          <Link className="button button--secondary" href={nextHref}>
            {t("auditAdmin.next")}
          </Link>
        )}
      </nav>
    </>
  );
}
