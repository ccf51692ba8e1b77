import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { setAutoLinkAction } from "@/lib/server/actions/admin";
import { listCategorySettings } from "@/lib/server/admin/category-settings";
import { requireAdmin } from "@/lib/server/auth/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("categoriesAdmin"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Per-category choices an admin makes: for now, linking reports on known targets automatically. */
export default async function CategoriesAdminPage({ searchParams }: Props) {
  await requireAdmin();
  const params = await searchParams;
  const settings = await listCategorySettings();
  const t = await getTranslations();

  return (
    <>
      <AdminNav current="/admin/categories" />
      <h1>{t("categoriesAdmin.title")}</h1>
      <p>{t("categoriesAdmin.intro")}</p>
      {params.done === "saved" && (
        <p className="notice notice--success" role="status">
          {t("categoriesAdmin.done.saved")}
        </p>
      )}
      {params.error === "not_found" && (
        <p className="form-error" role="alert">
          {t("categoriesAdmin.errors.not_found")}
        </p>
      )}
      <h2 id="auto-link">{t("categoriesAdmin.autoLink.heading")}</h2>
      <p id="auto-link-help">{t("categoriesAdmin.autoLink.help")}</p>
      <ul className="setting-list" aria-describedby="auto-link-help">
        {settings.map((s) => {
          const name = t(`categories.${s.category}.name`);
          return (
            <li key={s.category} data-category={s.category}>
              <div>
                <strong>{name}</strong>
                <p className="muted">
                  {t("categoriesAdmin.autoLink.column")}: {s.autoLinkKnown ? t("categoriesAdmin.autoLink.on") : t("categoriesAdmin.autoLink.off")}
                </p>
              </div>
              <form action={setAutoLinkAction}>
                <input type="hidden" name="category" value={s.category} />
                <input type="hidden" name="on" value={String(!s.autoLinkKnown)} />
                <button type="submit" className={s.autoLinkKnown ? "button button--secondary" : "button"}>
                  {t(s.autoLinkKnown ? "categoriesAdmin.autoLink.switchOff" : "categoriesAdmin.autoLink.switchOn", { category: name })}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
