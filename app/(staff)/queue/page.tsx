import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueFiltersForm } from "@/components/staff/queue-filters";
import { QueueTable } from "@/components/staff/queue-table";
import { nextReportAction } from "@/lib/server/actions/moderation";
import { requireRole } from "@/lib/server/auth/require-staff";
import { TargetGroups } from "@/components/staff/target-groups";
import { knownTargets } from "@/lib/server/moderation/known-targets";
import { listTargetGroups } from "@/lib/server/moderation/targets";
import { countRepliesFor, listQueue, queueFiltersSchema } from "@/lib/server/moderation/queue";
import { TEXT_MATCH_CAP } from "@/lib/server/moderation/text-search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queue"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QueuePage({ searchParams }: Props) {
  const user = await requireRole("MODERATOR");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = queueFiltersSchema.parse(raw);
  const grouped = filters.view === "targets";
  const [{ rows, next, capped }, replies, groups] = await Promise.all([
    grouped ? Promise.resolve({ rows: [], next: undefined, capped: false }) : listQueue(filters, user.id, { mayOpenRestricted: user.restrictedContent }),
    countRepliesFor(user.id),
    grouped ? listTargetGroups({ category: filters.category, band: filters.band }) : Promise.resolve([]),
  ]);
  const known = await knownTargets(grouped ? groups : rows.flatMap((r) => r.targets), rows.map((r) => r.id));
  const t = await getTranslations();
  const locale = await getLocale();
  const params = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && e[0] !== "after"),
  );
  const nextHref = next ? `/queue?${new URLSearchParams([...params, ["after", next]])}` : undefined;
  const error = typeof raw.error === "string" && /^[a-z_]+$/.test(raw.error) ? raw.error : undefined;

  return (
    <>
      <div className="queue-head">
        <h1>{t("queue.title")}</h1>
        <form action={nextReportAction}>
          <button type="submit" className="button" aria-describedby="next-hint">
            {t("queue.next")}
          </button>
          <p id="next-hint" className="hint">
            {t("queue.nextHint")}
          </p>
        </form>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t.has(`moderation.errors.${error}` as never) ? t(`moderation.errors.${error}` as never) : t("moderation.errors.not_found")}
        </p>
      )}
      {replies > 0 && (
        <p className="notice" role="status">
          <Link href="/queue?assigned=me&status=any">{t("queue.repliesForYou", { count: replies })}</Link>
        </p>
      )}
      <nav className="view-switch" aria-label={t("targets.viewLabel")}>
        <span>{t("targets.viewLabel")}:</span>{" "}
        <Link href={`/queue?${new URLSearchParams([...params].filter(([k]) => k !== "view"))}`} aria-current={grouped ? undefined : "page"}>
          {t("targets.views.reports")}
        </Link>{" "}
        <Link href={`/queue?${new URLSearchParams([...[...params].filter(([k]) => k !== "view"), ["view", "targets"]])}`} aria-current={grouped ? "page" : undefined}>
          {t("targets.views.targets")}
        </Link>
      </nav>
      <QueueFiltersForm filters={filters} />
      {grouped ? (
        <>
          <p className="muted">{t("targets.shown", { count: groups.length })}</p>
          {groups.length === 0 ? <p>{t("queue.empty")}</p> : <TargetGroups groups={groups} known={known} />}
        </>
      ) : (
        <>
          <p className="muted">{t("queue.shown", { count: rows.length })}</p>
          {capped && (
            <p className="notice" role="status">
              {t("queue.searchCapped", { count: TEXT_MATCH_CAP })}
            </p>
          )}
          {rows.length === 0 ? <p>{t("queue.empty")}</p> : <QueueTable rows={rows} userId={user.id} locale={locale} known={known} mayOpenRestricted={user.restrictedContent} />}
        </>
      )}
      <nav className="button-row" aria-label={t("queue.nextPage")}>
        {filters.after && (
          <Link className="button button--secondary" href={`/queue?${params}`}>
            {t("queue.firstPage")}
          </Link>
        )}
        {nextHref && (
          <Link className="button button--secondary" href={nextHref}>
            {t("queue.nextPage")}
          </Link>
        )}
      </nav>
    </>
  );
}
