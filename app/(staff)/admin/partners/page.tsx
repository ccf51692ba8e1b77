import type { Metadata } from "next";
import { getWhen } from "@/lib/i18n/when";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { startOfDay } from "@/lib/stats/days";
import { revokePartnerAction } from "@/lib/server/actions/admin";
import { listPartners } from "@/lib/server/admin/partners";
import { requireAdmin } from "@/lib/server/auth/require-staff";
import { parseRate } from "@/lib/server/partners";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnersAdmin"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const ERRORS = ["not_found", "already_revoked"] as const;
const DAYS = 7;
const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  (list as readonly unknown[]).includes(value) ? (value as T) : undefined;

/**
 * Partner keys: who has one, how much each is used, and revocation. Revoking takes two
 * steps without any JavaScript: "Revoke" links to `?confirm=<id>`, which shows what will
 * happen and the form that posts the revocation.
 */
export default async function PartnersAdminPage({ searchParams }: Props) {
  await requireAdmin();
  const params = await searchParams;
  const { days, partners } = await listPartners(DAYS);
  const t = await getTranslations();
  const format = await getFormatter();
  const when = await getWhen();
  const dayLabel = (day: number) => format.dateTime(startOfDay(day), { month: "short", day: "numeric", timeZone: "Asia/Shanghai" });
  const error = pick(ERRORS, params.error);
  const confirming = partners.find((p) => p.id === params.confirm && !p.revokedAt);
  const limitText = (rate: string | null) => {
    const parsed = rate ? parseRate(rate) : null;
    return parsed ? t("partnersAdmin.limit", { count: parsed.limit, seconds: parsed.windowMs / 1000 }) : t("partnersAdmin.limitDefault");
  };

  return (
    <>
      <AdminNav current="/admin/partners" />
      <h1>{t("partnersAdmin.title")}</h1>
      <p>{t("partnersAdmin.intro")}</p>
      <p>{t("partnersAdmin.howToCreate")}</p>
      {params.done === "revoked" && (
        <p className="notice notice--success" role="status">
          {t("partnersAdmin.done.revoked")}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t(`partnersAdmin.errors.${error}`)}
        </p>
      )}
      {confirming && (
        <form action={revokePartnerAction} className="panel-box" aria-labelledby="confirm-revoke">
          <h2 id="confirm-revoke">{t("partnersAdmin.confirmTitle", { name: confirming.name })}</h2>
          <p>{t("partnersAdmin.confirmBody")}</p>
          <input type="hidden" name="partnerId" value={confirming.id} />
          <div className="button-row">
            <button type="submit" className="button">{t("partnersAdmin.confirm")}</button>
            <Link href="/admin/partners" className="button button--secondary">{t("partnersAdmin.cancel")}</Link>
          </div>
        </form>
      )}
      <h2>{t("partnersAdmin.keysTitle")}</h2>
      {partners.length === 0 ? (
        <p className="muted">{t("partnersAdmin.empty")}</p>
      ) : (
        <ScrollRegion label={t("partnersAdmin.keysTitle")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("partnersAdmin.columns.name")}</th>
                <th scope="col">{t("partnersAdmin.columns.key")}</th>
                <th scope="col">{t("partnersAdmin.columns.status")}</th>
                <th scope="col">{t("partnersAdmin.columns.limit")}</th>
                <th scope="col">{t("partnersAdmin.columns.created")}</th>
                <th scope="col">{t("partnersAdmin.columns.lastUsed")}</th>
                <th scope="col">{t("partnersAdmin.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id} data-partner={p.id}>
                  <th scope="row">{p.name}</th>
                  <td><code>{p.keyPrefix}…</code></td>
                  <td>{p.revokedAt ? t("partnersAdmin.revoked", { date: when(p.revokedAt) }) : t("partnersAdmin.active")}</td>
                  <td>{limitText(p.rateLimit)}</td>
                  <td>{when(p.createdAt)}</td>
                  <td>{p.lastUsedAt ? when(p.lastUsedAt) : t("partnersAdmin.never")}</td>
                  <td>
                    {!p.revokedAt && (
                      <Link href={`/admin/partners?confirm=${encodeURIComponent(p.id)}`} aria-label={`${t("partnersAdmin.revoke")}: ${p.name}`}>
                        {t("partnersAdmin.revoke")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {partners.length > 0 && (
        <>
          <h2>{t("partnersAdmin.usageTitle")}</h2>
          <p>{t("partnersAdmin.usageIntro", { days: DAYS })}</p>
          <ScrollRegion label={t("partnersAdmin.usageTitle")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("partnersAdmin.columns.name")}</th>
                  {days.map((day) => (
                    <th scope="col" key={day} className="num">{dayLabel(day)}</th>
                  ))}
                  <th scope="col" className="num">{t("partnersAdmin.columns.total")}</th>
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    {p.days.map((d) => (
                      <td key={d.day} className="num">
                        {d.requests > 0 ? t("partnersAdmin.usage", { requests: d.requests, reports: d.reports }) : t("partnersAdmin.noUse")}
                      </td>
                    ))}
                    <td className="num">{t("partnersAdmin.usage", { requests: p.totalRequests, reports: p.totalReports })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
