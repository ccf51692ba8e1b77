import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NewRecoveryCodesForm } from "@/components/staff/two-factor";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { endOtherSessionsAction, endSessionAction } from "@/lib/server/actions/auth";
import { requireRole } from "@/lib/server/auth/require-staff";
import { recoveryCodesLeft } from "@/lib/server/auth/second-factor";
import { openSessions } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.security"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const DONE = ["password", "ended", "endedOthers"] as const;

/** Your own second factor, recovery codes and open sessions, each of which you can end. */
export default async function SecurityPage({ searchParams }: Props) {
  const user = await requireRole("MODERATOR");
  const t = await getTranslations("auth.security");
  const format = await getFormatter();
  const params = await searchParams;
  const done = DONE.find((d) => d === params.done);
  const { totpEnabledAt } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  const sessions = await openSessions(user.id, user.sessionId, user.hasSecondFactor);
  const left = totpEnabledAt ? await recoveryCodesLeft(user.id) : 0;
  const when = (date: Date) => format.dateTime(date, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const device = (value: string | null) => (!value || value === "? · ?" ? t("unknownDevice") : value.replaceAll("?", "…"));

  return (
    <>
      <h1>{t("title")}</h1>
      {done && (
        <p className="notice notice--success" role="status">
          {t(`done.${done}`)}
        </p>
      )}

      <h2>{t("twoFactorHeading")}</h2>
      {totpEnabledAt ? (
        <>
          <p>
            {t("on", { date: format.dateTime(totpEnabledAt, { year: "numeric", month: "short", day: "numeric" }) })}{" "}
            <span className={left === 0 ? "error-message" : undefined}>{t("codesLeft", { count: left })}</span>
          </p>
          <NewRecoveryCodesForm />
          <p className="hint">{t("lostPhone")}</p>
        </>
      ) : (
        <p>
          {t("off")} <Link href="/account/two-factor">{t("setUp")}</Link>
        </p>
      )}

      <h2>{t("sessionsHeading")}</h2>
      <p>{t("sessionsIntro", { minutes: getEnv().SESSION_IDLE_MINUTES })}</p>
      <ScrollRegion label={t("sessionsHeading")}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("device")}</th>
              <th scope="col">{t("started")}</th>
              <th scope="col">{t("lastSeen")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("end")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} data-current={session.current || undefined}>
                <th scope="row">
                  {device(session.device)} {session.current && <strong>({t("thisDevice")})</strong>}
                  {session.pending && <div className="error-message cell-note">{t("pending")}</div>}
                </th>
                <td>{when(session.createdAt)}</td>
                <td>{format.relativeTime(session.lastSeenAt, { now: new Date(), unit: undefined })}</td>
                <td>
                  <form action={endSessionAction} className="inline-form">
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button type="submit" className="link-button" aria-label={t("endAria", { device: device(session.device), started: when(session.createdAt) })}>
                      {t("end")}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {sessions.length > 1 && (
        <form action={endOtherSessionsAction}>
          <button type="submit" className="button button--secondary">
            {t("endOthers")}
          </button>
        </form>
      )}

      <h2>{t("passwordHeading")}</h2>
      <p>
        <Link href="/account/password">{t("changePassword")}</Link>
      </p>
    </>
  );
}
