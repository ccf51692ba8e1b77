import type { Metadata } from "next";
import { getWhen } from "@/lib/i18n/when";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { Backlog } from "@/components/admin/stats/backlog";
import { Exports } from "@/components/admin/stats/exports";
import { Moderators } from "@/components/admin/stats/moderators";
import { PerCategory } from "@/components/admin/stats/per-category";
import { ReceivedSeries } from "@/components/admin/stats/received-series";
import { SummaryCards } from "@/components/admin/stats/summary-cards";
import { TopTargets } from "@/components/admin/stats/top-targets";
import { StatsFilters } from "@/components/admin/stats-filters";
import { getStats } from "@/lib/server/admin/stats";
import { requireAdmin } from "@/lib/server/auth/require-staff";
import { daysBetween, startOfDay } from "@/lib/stats/days";
import { parseStatsView } from "@/lib/stats/query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatsPage({ searchParams }: Props) {
  await requireAdmin();
  const view = parseStatsView(await searchParams);
  const stats = await getStats({ from: view.from, to: view.to, category: view.category });
  const t = await getTranslations();
  const format = await getFormatter();
  const when = await getWhen();
  const longDay = (d: number) => format.dateTime(startOfDay(d), { year: "numeric", month: "long", day: "numeric" });

  return (
    <>
      <AdminNav current="/admin/stats" />
      <h1>{t("stats.title")}</h1>
      <p className="muted">
        {t("stats.subtitle", { from: longDay(view.from), to: longDay(view.to), asOf: when(stats.asOf) })}
      </p>
      {view.problem && (
        <p className="form-error" role="alert">
          {t(`stats.problems.${view.problem}`)}
        </p>
      )}
      <StatsFilters view={view} />
      <SummaryCards stats={stats} days={daysBetween(view.from, view.to) + 1} />
      <ReceivedSeries stats={stats} view={view} />
      <PerCategory stats={stats} />
      <Backlog stats={stats} />
      <Moderators stats={stats} />
      <TopTargets stats={stats} />
      <Exports view={view} />
    </>
  );
}
