import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CategoryPicker } from "@/components/category-picker";
import { EmergencyNotice } from "@/components/ui/emergency-notice";
import { CATEGORIES } from "@/lib/validation/report";

/** The public numbers a citizen may need instead of, or before, this portal. */
const CHANNELS = ["110", "96110", "12377", "12321", "12390"] as const;

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
      <section aria-labelledby="channels-title">
        <h2 id="channels-title">{t("channels.title")}</h2>
        <p>{t("channels.intro")}</p>
        <dl className="channel-list">
          {CHANNELS.map((number) => (
            <div key={number}>
              <dt>{number}</dt>
              <dd>{t(`channels.list.${number}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
