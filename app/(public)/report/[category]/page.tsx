import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReportForm } from "@/components/report-form/report-form";
import { EmergencyNotice } from "@/components/ui/emergency-notice";
import { isCategory } from "@/lib/validation/report";

type Props = { params: Promise<{ category: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await params;
  if (!isCategory(category)) return {};
  return { title: (await getTranslations("categories"))(`${category}.name`) };
}

export default async function ReportPage({ params }: Props) {
  const { category } = await params;
  if (!isCategory(category)) notFound();
  const t = await getTranslations();
  return (
    <>
      <h1>{t(`categories.${category}.name`)}</h1>
      <EmergencyNotice text={t("emergency")} />
      <p>{t(`categories.${category}.description`)}</p>
      <p className="muted">{t("form.intro")}</p>
      {/* A fresh key per page view: a double submit replays the first receipt. */}
      <ReportForm category={category} submissionKey={randomUUID()} />
    </>
  );
}
