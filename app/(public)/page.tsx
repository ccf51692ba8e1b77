import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CategoryPicker } from "@/components/category-picker";
import { EmergencyNotice } from "@/components/ui/emergency-notice";
import { CATEGORIES } from "@/lib/validation/report";

export default async function HomePage() {
  const t = await getTranslations();
  const categories = CATEGORIES.map((slug) => ({
    slug,
    name: t(`categories.${slug}.name`),
    description: t(`categories.${slug}.description`),
    examples: t(`home.examples.${slug}`).split(" | "),
  }));
  const guide = (["money", "message", "content", "copyright"] as const).map((key) => ({
    question: t(`home.notSure.${key}`),
    answer: t(`home.notSure.${key}Answer`),
  }));
  return (
    <>
      <h1>{t("home.title")}</h1>
      <EmergencyNotice text={t("emergency")} />
      <p>{t("home.intro")}</p>
      <h2>{t("home.choose")}</h2>
      <CategoryPicker
        categories={categories}
        examplesLabel={t("home.examplesLabel")}
        startLabel={t("home.start")}
      />
      <details className="guide">
        <summary>{t("home.notSure.title")}</summary>
        <dl className="guide-list">
          {guide.map((item) => (
            <div key={item.question}>
              <dt>{item.question}</dt>
              <dd>{item.answer}</dd>
            </div>
          ))}
        </dl>
      </details>
      <p>
        <Link href="/status">{t("home.statusLink")}</Link>
      </p>
    </>
  );
}
