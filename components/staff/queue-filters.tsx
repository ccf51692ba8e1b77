import { getTranslations } from "next-intl/server";
import type { QueueFilters } from "@/lib/server/moderation/queue";
import { STATUSES } from "@/lib/moderation/statuses";
import { SUBTYPES } from "@/lib/categories";
import { CATEGORIES } from "@/lib/validation/options";

/** A GET form: every filter lands in the URL, so any view can be bookmarked or shared. */
export async function QueueFiltersForm({ filters }: { filters: QueueFilters }) {
  const t = await getTranslations();
  const select = (name: keyof QueueFilters, label: string, options: [string, string][], value?: string) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/queue" className="filters" aria-label={t("queue.filters")}>
      {filters.view && <input type="hidden" name="view" value={filters.view} />}
      <div className="field filters__search">
        <label htmlFor="filter-q">{t("queue.search")}</label>
        <p className="hint" id="filter-q-hint">{t("queue.searchHint")}</p>
        <input id="filter-q" type="text" name="q" defaultValue={filters.q ?? ""} aria-describedby="filter-q-hint" />
      </div>
      {select("category", t("queue.category"), [["", t("queue.any")], ...CATEGORIES.map((c): [string, string] => [c, t(`categories.${c}.name`)])], filters.category)}
      <div className="field">
        <label htmlFor="filter-subtype">{t("queue.subtype")}</label>
        <select id="filter-subtype" name="subtype" defaultValue={filters.subtype ?? ""}>
          <option value="">{t("queue.any")}</option>
          {CATEGORIES.filter((c) => SUBTYPES[c].length > 0).map((c) => (
            <optgroup key={c} label={t(`categories.${c}.name`)}>
              {SUBTYPES[c].map((s) => (
                <option key={`${c}-${s}`} value={s}>
                  {t(`subtypes.${c}.${s}` as never)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {select(
        "status",
        t("queue.status"),
        [["open", t("queue.open")], ["any", t("queue.any")], ...STATUSES.map((s): [string, string] => [s, t(`statuses.${s}`)])],
        filters.status,
      )}
      {select("band", t("queue.band"), [["", t("queue.any")], ["urgent", t("queue.bandUrgent")], ["normal", t("queue.bandNormal")]], filters.band)}
      {select("assigned", t("queue.assigned"), [["", t("queue.any")], ["me", t("queue.mine")], ["none", t("queue.unassigned")]], filters.assigned)}
      {select("sla", t("queue.sla"), [["", t("queue.any")], ["breached", t("queue.breached")], ["due24", t("queue.dueSoon")]], filters.sla)}
      <div className="field">
        <label htmlFor="filter-from">{t("queue.from")}</label>
        <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t("queue.to")}</label>
        <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} />
      </div>
      {select("sort", t("queue.sort"), [["priority", t("queue.sortPriority")], ["oldest", t("queue.sortOldest")], ["newest", t("queue.sortNewest")]], filters.sort)}
      <div className="button-row filters__buttons">
        <button type="submit" className="button">{t("queue.apply")}</button>
        <a className="button button--secondary" href="/queue">{t("queue.clear")}</a>
      </div>
    </form>
  );
}
