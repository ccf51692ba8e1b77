import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueFiltersForm } from "@/components/staff/queue-filters";
import { QueueTable } from "@/components/staff/queue-table";
import { nextReportAction } from "@/lib/server/actions/moderation";
import { requireRole } from "@/lib/server/auth/require-staff";
import { knownTargets } from "@/lib/server/moderation/known-targets";
import { countRepliesFor, listQueue, queueFiltersSchema } from "@/lib/server/moderation/queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queue"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QueuePage({ searchParams }: Props) {
  const user = await requireRole("MODERATOR");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = queueFiltersSchema.parse(raw);
  const [{ rows, next }, replies] = await Promise.all([listQueue(filters, user.id), countRepliesFor(user.id)]);
  const known = await knownTargets(rows.flatMap((r) => r.targets), rows.map((r) => r.id));
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
      <QueueFiltersForm filters={filters} />
      <p className="muted">{t("queue.shown", { count: rows.length })}</p>
      {rows.length === 0 ? <p>{t("queue.empty")}</p> : <QueueTable rows={rows} userId={user.id} locale={locale} known={known} />}
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
