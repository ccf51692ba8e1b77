import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/stats/days";
import { PRESETS, STAT_INTERVALS, type StatsView } from "@/lib/stats/query";
import { CATEGORIES } from "@/lib/validation/options";

/** The period, category and grouping, as a plain GET form: every view is a URL. */
export async function StatsFilters({ view }: { view: StatsView }) {
  const t = await getTranslations();
  return (
    <form method="get" action="/admin/stats" className="filters" aria-label={t("stats.filters")}>
      <fieldset className="filters__group">
        <legend>{t("stats.range")}</legend>
        {PRESETS.map((preset) => (
          <label key={preset} className="inline-choice">
            <input type="radio" name="range" value={preset} defaultChecked={view.preset === preset} />
            {t(`stats.presets.${preset}`)}
          </label>
        ))}
      </fieldset>
      <div className="filters__row">
        <div className="field">
          <label htmlFor="stats-from">{t("stats.from")}</label>
          <input id="stats-from" name="from" type="date" defaultValue={formatDay(view.from)} aria-describedby="stats-custom-hint" />
        </div>
        <div className="field">
          <label htmlFor="stats-to">{t("stats.to")}</label>
          <input id="stats-to" name="to" type="date" defaultValue={formatDay(view.to)} aria-describedby="stats-custom-hint" />
        </div>
        <div className="field">
          <label htmlFor="stats-category">{t("stats.category")}</label>
          <select id="stats-category" name="category" defaultValue={view.category ?? ""}>
            <option value="">{t("stats.allCategories")}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}.name`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stats-interval">{t("stats.interval")}</label>
          <select id="stats-interval" name="interval" defaultValue={view.interval}>
            {STAT_INTERVALS.map((i) => (
              <option key={i} value={i}>
                {t(`stats.intervals.${i}`)}
              </option>
            ))}
          </select>
        </div>
        {view.view !== "chart" && <input type="hidden" name="view" value={view.view} />}
        <button type="submit" className="button">
          {t("stats.show")}
        </button>
      </div>
      <p id="stats-custom-hint" className="hint">
        {t("stats.customHint")}
      </p>
    </form>
  );
}
