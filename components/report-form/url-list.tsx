"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Group, TextField } from "./fields";
import { Repeatable } from "./repeatable";

/** A list of web addresses, one per row. */
export function UrlList({ name, label, hint, max }: { name: string; label: string; hint?: string; max: number }) {
  const t = useTranslations("form");
  return (
    <Group name={name} legend={label} hint={hint}>
      <Repeatable
        name={name}
        initial={3}
        max={max}
        addLabel={t("addUrl")}
        itemLabel={(i) => t("row", { label: "URL", n: i + 1 })}
        renderRow={(prefix, i) => <TextField name={prefix} label={t("row", { label: "URL", n: i + 1 })} type="url" inputMode="url" />}
      />
    </Group>
  );
}
