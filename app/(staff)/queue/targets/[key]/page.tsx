import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getWhen } from "@/lib/i18n/when";
import { holderOf } from "@/lib/moderation/claim";
import { reasonTemplates } from "@/lib/moderation/templates";
import { bulkDecideAction } from "@/lib/server/actions/moderation";
import { requireRole } from "@/lib/server/auth/require-staff";
import { db } from "@/lib/server/db";
import { snippet } from "@/lib/moderation/snippet";
import { BULK_MAX, countOnTarget, parseTargetParam, reportsOnTarget } from "@/lib/server/moderation/targets";
import type { Locale } from "@/lib/validation/options";
import { isRestricted } from "@/lib/moderation/restricted";
import { downloadName } from "@/lib/validation/file-name";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const target = parseTargetParam((await params).key);
  return { title: target ? `${target.value} · ${(await getTranslations("targets"))("title")}` : undefined };
}

const ERRORS = ["decision_required", "none_chosen", "agency_invalid", "reference_required", "duplicate_target_missing", "duplicate_of_self"];

/**
 * Every report about one target, across categories, and one decision for the chosen open
 * ones (lib/server/moderation/targets.ts). A plain form: works without JavaScript.
 */
export default async function TargetPage({ params, searchParams }: Props) {
  const user = await requireRole("MODERATOR");
  const { key } = await params;
  const query = await searchParams;
  const target = parseTargetParam(key);
  if (!target) notFound();
  const [reports, counts] = await Promise.all([
    reportsOnTarget(target, { restricted: user.restrictedContent }),
    countOnTarget(target, { restricted: user.restrictedContent }),
  ]);
  if (reports.length === 0) notFound();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const when = await getWhen();
  const now = new Date();
  const open = reports.filter((r) => r.isOpen);
  const decided = reports.filter((r) => !r.isOpen);
  const categories = [...new Set(open.map((r) => r.category))];
  const agencies = await db.agency.findMany({ where: { category: { in: categories }, active: true }, orderBy: [{ category: "asc" }, { id: "asc" }] });
  const zh = locale.startsWith("zh");
  const error = query.error && ERRORS.includes(query.error) ? query.error : undefined;
  // More open reports than the page lists: the decision can cover all of them.
  const unlisted = counts.open - open.length;

  return (
    <>
      <p>
        <Link href="/queue?view=targets">{t("targets.back")}</Link>
      </p>
      <h1>
        <span className="muted">{t.has(`targetKinds.${target.kind}`) ? t(`targetKinds.${target.kind}`) : target.kind}:</span> <span className="queue-target">{target.value}</span>
      </h1>
      <p>{t("targets.summary", { open: counts.open, decided: counts.decided })}</p>
      {error && (
        <p className="form-error" role="alert">
          {t.has(`targets.errors.${error}`) ? t(`targets.errors.${error}`) : t(`moderation.errors.${error}`)}
        </p>
      )}
      {query.done === "bulk" && (
        <p className="notice notice--success" role="status">
          {t("targets.done", { decided: Number(query.decided ?? 0), skipped: Number(query.skipped ?? 0), held: Number(query.held ?? 0) })}
        </p>
      )}

      <form action={bulkDecideAction}>
        <input type="hidden" name="target" value={key} />
        <h2>{t("targets.openTitle")}</h2>
        {open.length === 0 ? (
          <p className="muted">{t("targets.noneOpen")}</p>
        ) : (
          <div className="table-wrap">
            <table className="queue">
              <thead>
                <tr>
                  <th scope="col">{t("targets.columns.choose")}</th>
                  <th scope="col">{t("queue.columns.report")}</th>
                  <th scope="col">{t("targets.columns.received")}</th>
                  <th scope="col">{t("queue.columns.holder")}</th>
                  <th scope="col">{t("targets.columns.evidence")}</th>
                </tr>
              </thead>
              <tbody>
                {open.map((r) => {
                  const holder = holderOf(r, now);
                  const heldByOther = holder !== null && holder !== user.id;
                  return (
                    <tr key={r.id} data-report={r.id}>
                      <td>
                        <input
                          type="checkbox"
                          name="reportId"
                          value={r.id}
                          id={`pick-${r.id}`}
                          defaultChecked={!heldByOther}
                          disabled={heldByOther}
                          aria-label={t("targets.choose", { case: r.caseNumber ?? r.id.slice(0, 8) })}
                        />
                      </td>
                      <td className="queue-report">
                        <Link href={`/queue/${r.id}`} className="case-number">
                          {r.caseNumber ?? r.id.slice(0, 8)}
                        </Link>{" "}
                        {t(`categories.${r.category}.name` as never)}
                        <div className="queue-snippet">{snippet(r.description, 90)}</div>
                        <div className="muted">{t(`staffStatuses.${r.status}` as never)}</div>
                      </td>
                      <td>{when(r.submittedAt)}</td>
                      <td>{holder ? (holder === user.id ? t("queue.mine") : (r.claimedBy?.name ?? "?")) : "—"}</td>
                      <td>
                        {r._count.evidence > 0 ? t("targets.files", { count: r._count.evidence }) : "—"}
                        {/* Thumbnails, greyscale and blurred for harmful information; never for restricted reports. */}
                        {r.evidence.length > 0 && !isRestricted(r) && (
                          <div className={r.category === "harmful-info" ? "target-thumbs target-thumbs--blurred" : "target-thumbs"}>
                            {r.evidence.map((file) => (
                              // A plain img: the thumbnail comes from the signed-in evidence route.
                              <img key={file.sha256} src={`/api/staff/evidence/${r.id}/${file.sha256}?thumb=1`} alt={downloadName(file.originalName, file.contentType)} loading="lazy" width={64} height={64} />
                            ))}
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        {open.length > 0 && (
          <fieldset className="panel-box">
            <legend>
              <h2>{t("targets.decideTitle")}</h2>
            </legend>
            <p className="hint">{t("targets.decideHint")}</p>
            {unlisted > 0 && (
              <div className="field" role="radiogroup" aria-label={t("targets.scopeLabel")}>
                <label className="choice">
                  <input type="radio" name="scope" value="chosen" defaultChecked />
                  {t("targets.scopeChosen")}
                </label>
                <label className="choice">
                  <input type="radio" name="scope" value="all" />
                  {t("targets.scopeAll", { count: Math.min(counts.open, BULK_MAX), unlisted })}
                </label>
              </div>
            )}
            <div className="field">
              {(["actioned", "rejected", "forwarded", "closed", "duplicate"] as const).map((d) => (
                <label key={d} className="choice">
                  <input type="radio" name="decision" value={d} required />
                  {t(`moderation.decisions.${d}`)}
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor="bulk-agency">{t("targets.agencyIfForwarded")}</label>
              <select id="bulk-agency" name="agencyId" defaultValue="">
                <option value="">—</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {zh ? a.nameZh : a.nameEn}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="bulk-reference">{t("targets.referenceIfForwarded")}</label>
              <input id="bulk-reference" name="reference" type="text" />
            </div>
            <div className="field">
              <label htmlFor="bulk-original">{t("targets.originalIfDuplicate")}</label>
              <input id="bulk-original" name="duplicateOfCase" type="text" defaultValue={decided[0]?.caseNumber ?? ""} />
            </div>
            <details>
              <summary>{t("targets.messagesTitle")}</summary>
              <p className="hint">{t("targets.messagesHint")}</p>
              <p className="pre">{reasonTemplates(locale, open[0].category).actioned}</p>
            </details>
            <button type="submit" className="button">
              {t("targets.submit")}
            </button>
          </fieldset>
        )}
      </form>

      <h2>{t("targets.decidedTitle")}</h2>
      {decided.length === 0 ? (
        <p className="muted">{t("targets.noneDecided")}</p>
      ) : (
        <ul>
          {decided.map((r) => (
            <li key={r.id}>
              <Link href={`/queue/${r.id}`} className="case-number">
                {r.caseNumber ?? r.id.slice(0, 8)}
              </Link>{" "}
              {t(`staffStatuses.${r.status}` as never)} · {when(r.closedAt ?? r.submittedAt)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
