"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { CN_PROVINCES, COUNTRIES } from "@/lib/geo/countries";
import { Group, SelectField, TextField } from "./fields";
import { useHydrated } from "./use-hydrated";

/**
 * Where something happened: a country chosen by name in the page's language, China first
 * and preselected; for China, the province from its 34 provincial-level divisions. Nobody
 * types ISO codes. The stored values are codes ("CN", "CN-GD"), named again where shown.
 */
export function LocationFields() {
  const t = useTranslations();
  const locale = useLocale();
  const hydrated = useHydrated();
  const country = useWatch({ name: "location.country" }) as string | undefined;
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    const collator = new Intl.Collator(locale);
    const others = COUNTRIES.filter((c) => c !== "CN")
      .map((c) => ({ value: c, label: names.of(c) ?? c }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: "CN", label: names.of("CN") ?? "CN" }, ...others];
  }, [locale]);
  // Without JavaScript the preselected country, China, decides.
  const inChina = !hydrated || (country ?? "CN") === "CN";
  return (
    <Group name="location" legend={t("fields.location.label")} hint={t("hints.location")}>
      <SelectField name="location.country" label={t("fields.location.country")} options={countries} preset="CN" namedByBrowser />
      {inChina ? (
        <SelectField
          name="location.region"
          label={t("fields.location.region")}
          optional
          options={CN_PROVINCES.map((p) => ({ value: p, label: t(`provinces.${p}`) }))}
        />
      ) : (
        <TextField name="location.region" label={t("fields.location.region")} optional autoComplete="address-level1" />
      )}
      <TextField name="location.city" label={t("fields.location.city")} optional autoComplete="address-level2" />
    </Group>
  );
}
