import type { Metadata } from "next";
import { getWhen } from "@/lib/i18n/when";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DecisionForm } from "@/components/staff/decision-form";
import { EvidenceList } from "@/components/staff/evidence-list";
import { ReportFields } from "@/components/staff/report-fields";
import { Timeline } from "@/components/staff/timeline";
import { shortDuration } from "@/lib/i18n/durations";
import { addNoteAction, claimAction, markReplyReadAction, releaseAction } from "@/lib/server/actions/moderation";
import { requireRole } from "@/lib/server/auth/require-staff";
import { snippet } from "@/lib/moderation/snippet";
import { holderOf } from "@/lib/moderation/claim";
import { knownTargets } from "@/lib/server/moderation/known-targets";
import { isRestricted } from "@/lib/moderation/restricted";
import { auditRestricted } from "@/lib/server/moderation/restricted-access";
import { caseNumberOf, getReportForStaff, nextReportFor, sameTargetReports } from "@/lib/server/moderation/report-detail";
import { ALLOWED, type Status } from "@/lib/moderation/statuses";
import { reasonTemplates, reporterLocale } from "@/lib/moderation/templates";
import type { Locale } from "@/lib/validation/options";
import { MAX_TARGETS } from "@/lib/targets/extract";
import { SCAN_BUDGET_CHARS } from "@/lib/targets/scan";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const found = await caseNumberOf(id);
  const t = await getTranslations("review");
  return { title: found ? t("titleWithCase", { case: found }) : t("details") };
}

export default async function ReviewPage({ params, searchParams }: Props) {
  const user = await requireRole("MODERATOR");
  const { id } = await params;
  const query = await searchParams;
  const report = await getReportForStaff(id);
  if (!report) notFound();
  // A restricted report opens only with the permission, and every opening is audited.
  if (isRestricted(report)) {
    if (!user.restrictedContent) forbidden();
    await auditRestricted(user.id, report.id, "open-restricted");
  }
  const replyWaiting = report.replyPending && report.claimedById === user.id;
  const t = await getTranslations();
  const locale = await getLocale();
  const when = await getWhen();
  const holder = holderOf(report);
  const left = report.expectedBy.getTime() - Date.now();
  const leftText = left < 0 ? t("queue.overdueBy", { time: shortDuration(left, locale) }) : t("queue.dueIn", { time: shortDuration(left, locale) });
  const zh = locale.startsWith("zh");
  // The reporter reads the reason in their own language; the moderator sees theirs beside it.
  const readerLocale = reporterLocale(report.locale);
  const templates = reasonTemplates(readerLocale, report.category);
  const ownTemplates = readerLocale === locale ? undefined : reasonTemplates(locale as Locale, report.category);
  const error = query.error && /^[a-z_]+$/.test(query.error) ? query.error : undefined;
  const next = query.done === "decided" ? await nextReportFor(user.id, report.id, user.restrictedContent) : null;
  const known = report.isOpen ? [...(await knownTargets(report.targets, [report.id])).values()] : [];
  const canDecide = holder === user.id && ALLOWED[report.status as Status].length > 0;
  const originals = canDecide && ALLOWED[report.status as Status].includes("duplicate")
    ? (await sameTargetReports(report.id, { restricted: user.restrictedContent })).map((o) => ({
        id: o.id,
        caseNumber: o.caseNumber ?? o.id,
        snippet: snippet(o.description, 80),
        status: t(`staffStatuses.${o.status}` as never),
        date: when(o.submittedAt),
      }))
    : [];

  return (
    <>
      <p>
        <Link href="/queue">{t("review.back")}</Link>
      </p>
      <h1>
        {t(`categories.${report.category}.name` as never)}
        {report.subtype && t.has(`subtypes.${report.category}.${report.subtype}` as never) && (
          <span className="muted"> · {t(`subtypes.${report.category}.${report.subtype}` as never)}</span>
        )}
      </h1>
      <p>
        <span className="case-number">{report.caseNumber ?? report.id}</span> <span className="status-tag">{t(`staffStatuses.${report.status}` as never)}</span>
      </p>
      {error && <p className="form-error" role="alert">{t(`moderation.errors.${error}` as never)}</p>}
      {query.done === "decided" && (
        <div className="notice notice--success" role="status">
          <p>{t("review.decidedAs", { status: t(`staffStatuses.${report.status}` as never) })}</p>
          {next ? (
            <p>
              <Link href={`/queue/${next.id}`} className="button">
                {t("review.nextReport", { case: next.caseNumber ?? next.id.slice(0, 8) })}
              </Link>
            </p>
          ) : (
            <p>
              <Link href="/queue">{t("review.queueEmpty")}</Link>
            </p>
          )}
        </div>
      )}
      {known.length > 0 && (
        <div className="notice notice--warning" role="note">
          <p>{t("review.knownTargets")}</p>
          <ul>
            {known.map((k) => (
              <li key={`${k.kind}:${k.value}`}>
                {k.value}: {t(`staffStatuses.${k.status}` as never)} · {when(k.decidedAt)} · <Link href={`/queue/${k.reportId}`}>{k.caseNumber ?? k.reportId.slice(0, 8)}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {replyWaiting && (
        <form action={markReplyReadAction} className="notice">
          <input type="hidden" name="reportId" value={report.id} />
          <p>{t("review.replyWaiting")}</p>
          <button type="submit" className="button button--secondary">{t("review.markReplyRead")}</button>
        </form>
      )}

      <div className="review-grid">
        <div>
          <section className="panel-box" aria-labelledby="priority-heading">
            <h2 id="priority-heading">{t("review.priority")}</h2>
            <ol>
              <li>{t("review.severity")}: {report.severity >= 2 ? t("review.severityHigh") : t("review.severityNormal")}</li>
              {report.partner && <li>{t("review.trustedFlaggerLine", { name: report.partner.name })}</li>}
              <li className={left < 0 ? "overdue" : undefined}>{t("review.slaLine", { date: when(report.expectedBy), left: leftText })}</li>
              <li>{t("review.sharedLine", { count: report.targetCount })}</li>
            </ol>
          </section>
          <h2>{t("review.details")}</h2>
          <p className="pre">{report.description}</p>
          <ReportFields category={report.category} details={report.details} />
          <h3>{t("review.contact")}</h3>
          {report.contact ? <ReportFields category={report.category} details={{ contact: report.contact }} /> : <p className="muted">{t("review.anonymous")}</p>}
          {report.forwardedTo && (
            <p>{t("review.forwardedTo", { agency: zh ? report.forwardedTo.nameZh : report.forwardedTo.nameEn, reference: report.forwardReference ?? "" })}</p>
          )}
          {report.duplicateOf && (
            <p>
              {t("review.duplicateOfLine")} <Link href={`/queue/${report.duplicateOf.id}`}>{report.duplicateOf.caseNumber ?? report.duplicateOf.id}</Link>
            </p>
          )}
          <h2>{t("review.evidence")}</h2>
          <EvidenceList report={report} />
          <h2>{t("review.targets")}</h2>
          {report.targets.length === 0 ? (
            <p className="muted">{t("review.noTargets")}</p>
          ) : (
            <ul>
              {report.targets.map((k) => (
                <li key={k.id}>
                  <span className="muted">{t.has(`targetKinds.${k.kind}`) ? t(`targetKinds.${k.kind}`) : k.kind}</span> {k.value} ·{" "}
                  <Link href={`/queue?${new URLSearchParams({ q: k.value, status: "any" })}`}>{t("review.othersLink")}</Link>
                </li>
              ))}
            </ul>
          )}
          {report.moreTargets.count > 0 && <p>{t("review.moreTargets", { count: report.moreTargets.count, cap: MAX_TARGETS })}</p>}
          {report.moreTargets.partlySearched && (
            <p className="muted">{t("review.partlySearched", { chars: SCAN_BUDGET_CHARS })}</p>
          )}
        </div>
        <div>
          <section className="panel-box" aria-label={t("review.claim")}>
            {holder === user.id ? (
              <p>{t("review.claimedByYou", { time: when(report.claimExpiresAt!) })}</p>
            ) : holder ? (
              <p>{t("review.claimedBy", { name: report.claimedBy?.name ?? "?", time: when(report.claimExpiresAt!) })}</p>
            ) : report.isOpen ? (
              <p>{t("review.unclaimed")}</p>
            ) : (
              <p>{t("review.decidedAs", { status: t(`staffStatuses.${report.status}` as never) })}</p>
            )}
            <div className="button-row">
              {/* A decided report is not claimed again from here: its outcome stands. */}
              {report.isOpen && (!holder || holder === user.id) && (
                <form action={claimAction}>
                  <input type="hidden" name="reportId" value={report.id} />
                  <button type="submit" className="button">{holder ? t("review.renew") : t("review.claim")}</button>
                </form>
              )}
              {holder && (holder === user.id || user.role === "ADMIN") && (
                <form action={releaseAction}>
                  <input type="hidden" name="reportId" value={report.id} />
                  <button type="submit" className="button button--secondary">{t("review.release")}</button>
                </form>
              )}
            </div>
          </section>
          {canDecide && (
            <DecisionForm
              originals={originals}
              reportId={report.id}
              allowed={[...ALLOWED[report.status as Status]]}
              templates={templates}
              ownTemplates={ownTemplates}
              reporterLanguage={t(`review.languages.${readerLocale}`)}
              ownLanguage={t(`review.languages.${locale as Locale}`)}
              agencies={report.agencies.map((a) => ({ id: a.id, name: zh ? a.nameZh : a.nameEn }))}
            />
          )}
          <Timeline
            heading={t("review.history")}
            entries={report.statusHistory.map((e) => ({ id: e.id, meta: when(e.at), title: t(`statuses.${e.status}` as never), body: e.publicNote }))}
          />
          <Timeline
            heading={t("review.thread")}
            empty={t("status.noMessages")}
            entries={report.messages.map((m) => ({
              id: m.id,
              className: m.author === "staff" ? "from-staff" : "from-reporter",
              meta: `${m.author === "staff" ? t("status.fromStaff") : t("review.fromReporter")} · ${when(m.createdAt)}`,
              body: m.body,
            }))}
          />
          <Timeline
            heading={t("review.notes")}
            empty={t("review.noNotes")}
            entries={report.notes.map((n) => ({ id: n.id, meta: `${n.authorName} · ${when(n.createdAt)}`, body: n.body }))}
          />
          <form action={addNoteAction}>
            <input type="hidden" name="reportId" value={report.id} />
            <div className="field">
              <label htmlFor="note">{t("review.note")}</label>
              <textarea id="note" name="body" rows={3} />
            </div>
            <button type="submit" className="button button--secondary">{t("review.addNote")}</button>
          </form>
        </div>
      </div>
    </>
  );
}
