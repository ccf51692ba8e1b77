import { headers } from "next/headers";
import { CategoryList } from "@/components/category-list";
import { messagesFor, negotiateLocale } from "@/lib/i18n";
import { CATEGORIES } from "@/lib/validation/report";

export default async function HomePage() {
  const locale = negotiateLocale((await headers()).get("accept-language"));
  const t = messagesFor(locale);
  return (
    <main>
      <h1>{t.home.title}</h1>
      <p className="notice" role="note">{t.emergency}</p>
      <p>{t.home.intro}</p>
      <CategoryList
        items={CATEGORIES.map((slug) => ({ slug, ...t.categories[slug] }))}
      />
      <p className="muted">{t.home.api}</p>
    </main>
  );
}
