import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  ["/admin/stats", "adminNav.stats"],
  ["/admin/staff", "adminNav.staff"],
  ["/admin/categories", "adminNav.categories"],
  ["/admin/partners", "adminNav.partners"],
  ["/admin/audit", "adminNav.audit"],
] as const;

/** The administration pages' own tabs, under the staff header. */
export async function AdminNav({ current }: { current: (typeof LINKS)[number][0] }) {
  const t = await getTranslations();
  return (
    <nav aria-label={t("adminNav.label")} className="admin-nav">
      <ul>
        {LINKS.map(([href, key]) => (
          <li key={href}>
            <Link href={href} aria-current={href === current ? "page" : undefined}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
