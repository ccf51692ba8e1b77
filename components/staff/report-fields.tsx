import { getLocale, getTranslations } from "next-intl/server";
import { getWhen } from "@/lib/i18n/when";
import { fieldLabel } from "@/lib/categories/catalogue";
import { DECLARATIONS } from "@/lib/categories";
import { everyField, valueNamesOf } from "@/lib/categories/declaration";
import { isCategory, type Locale } from "@/lib/validation/options";

/** Fields shown elsewhere on the page, or only meaningful to machines. */
const HIDDEN = new Set(["subtype", "email", "signedAt", "moreTargets"]);

/** Every field of a report, labelled and with its values named, in the moderator's language. */
export async function ReportFields({ category, details }: { category: string; details: Record<string, unknown> }) {
  const declaration = isCategory(category) ? DECLARATIONS[category] : undefined;
  const valueNames = declaration ? valueNamesOf(declaration) : {};
  const countryPaths = new Set(declaration ? everyField(declaration.fields).filter(([, f]) => f.type === "country").map(([p]) => p) : []);
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const regionNames = new Intl.DisplayNames([locale], { type: "region" });
  const when = await getWhen();

  const value = (path: string, raw: unknown): React.ReactNode => {
    if (raw === true) return t("form.yes");
    if (raw === false) return t("form.no");
    if (Array.isArray(raw)) {
      return (
        <ol>
          {raw.map((item, i) => (
            <li key={i}>{value(path, item)}</li>
          ))}
        </ol>
      );
    }
    if (raw && typeof raw === "object") {
      if ("name" in raw && "size" in raw && "type" in raw) return `${String(raw.name)} (${String(raw.type)})`;
      return (
        <dl className="nested">
          {Object.entries(raw).map(([k, v]) => (
            <div key={k}>
              <dt>{fieldLabel(locale, `${path}.${k}`)}</dt>
              <dd>{value(`${path}.${k}`, v)}</dd>
            </div>
          ))}
        </dl>
      );
    }
    if (typeof raw === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw) && !Number.isNaN(Date.parse(raw))) {
      return when(raw);
    }
    // Codes the forms store for places: a country ("CN") and a Chinese province ("CN-GD").
    if (typeof raw === "string" && countryPaths.has(path) && /^[A-Z]{2}$/.test(raw)) return `${regionNames.of(raw) ?? raw} (${raw})`;
    if (typeof raw === "string" && /^CN-[A-Z]{2}$/.test(raw) && t.has(`provinces.${raw}` as never)) return t(`provinces.${raw}` as never);
    const namespace = valueNames[path];
    const key = `${namespace}.${String(raw)}`;
    if (namespace && t.has(key as never)) return t(key as never);
    return <span className="pre">{String(raw)}</span>;
  };

  return (
    <dl className="summary-list">
      {Object.entries(details)
        .filter(([k]) => !HIDDEN.has(k))
        .map(([k, v]) => (
          <div key={k}>
            <dt>{fieldLabel(locale, k)}</dt>
            <dd>{value(k, v)}</dd>
          </div>
        ))}
    </dl>
  );
}
