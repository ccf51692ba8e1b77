"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useFormContext } from "react-hook-form";
import { CONTENT_TYPES, HARMFUL_INFO_SUBTYPES, PLATFORMS } from "@/lib/validation/options";
import type { FilesProps } from "./files";
import { RadioGroup, SelectField, TextArea, TextField } from "./fields";
import { ContactFields, DescriptionField, EvidenceField, UrlList, useOptions } from "./shared-fields";
import { useHydrated } from "./use-hydrated";

export function HarmfulInfoFields(files: FilesProps) {
  const t = useTranslations();
  const hydrated = useHydrated();
  const subtype = useFormContext().watch("subtype");
  const childAbuse = subtype === "child-abuse";
  const { setFiles } = files;
  useEffect(() => {
    if (childAbuse) setFiles((slots) => ({ ...slots, evidence: [] }));
  }, [childAbuse, setFiles]);
  return (
    <>
      <RadioGroup name="subtype" label={t("fields.subtype")} options={useOptions("subtypes.harmful-info", HARMFUL_INFO_SUBTYPES)} />
      {childAbuse && <p className="notice notice--warning">{t("form.childAbuseNote")}</p>}
      <UrlList name="urls" label={t("fields.urls")} hint={t("hints.urls")} max={10} />
      <TextArea name="locator" label={t("fields.locator")} hint={t("hints.locator")} optional rows={3} />
      <SelectField name="platform" label={t("fields.platform")} options={useOptions("options.platform", PLATFORMS)} />
      <SelectField name="contentType" label={t("fields.contentType")} optional options={useOptions("options.contentType", CONTENT_TYPES)} />
      <DescriptionField />
      <TextField name="firstSeenAt" label={t("fields.firstSeenAt")} hint={t("hints.datetime")} type="datetime-local" optional />
      <TextField name="howReached" label={t("fields.howReached")} optional />
      {/* Child-abuse reports never ask for files or contact details. */}
      {(!hydrated || !childAbuse) && (
        <>
          <EvidenceField {...files} />
          <ContactFields />
        </>
      )}
    </>
  );
}
