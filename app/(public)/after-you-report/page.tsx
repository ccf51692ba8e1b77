import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DECLARATIONS } from "@/lib/categories";
import type { CategoryDeclaration } from "@/lib/categories/declaration";
import { CATEGORIES } from "@/lib/validation/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("after"))("title") };
}

/** What happens after a report: the steps, the review targets (from the declarations), who sees what. */
export default async function AfterYouReportPage() {
  const t = await getTranslations();
  const steps = ["received", "review", "decision", "status"] as const;
  const who = ["reviewers", "agencies", "you", "public"] as const;
  return (
    <>
      <h1>{t("after.title")}</h1>
      <p>{t("after.intro")}</p>
      <h2>{t("after.stepsTitle")}</h2>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step}>{t(`after.steps.${step}`)}</li>
        ))}
      </ol>
      <h2>{t("after.targetsTitle")}</h2>
      <ul>
        {CATEGORIES.map((category) => {
          const { review }: CategoryDeclaration = DECLARATIONS[category];
          const sooner = review.sooner?.[0];
          const name = t(`categories.${category}.name`);
          return (
            <li key={category}>
              {sooner && t.has(`after.sooner.${category}` as never)
                ? t("after.hoursSooner", {
                    category: name,
                    hours: review.hours,
                    sooner: t(`after.sooner.${category}` as "after.sooner.crime", { hours: sooner.hours }),
                  })
                : t("after.hours", { category: name, hours: review.hours })}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t("after.targetsNote")}</p>
      <h2>{t("after.whoTitle")}</h2>
      <ul>
        {who.map((key) => (
          <li key={key}>{t(`after.who.${key}`)}</li>
        ))}
      </ul>
    </>
  );
}
