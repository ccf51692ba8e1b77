"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect } from "react";
import { harmfulInfo } from "@/lib/categories/harmful-info";
import type { FilesProps } from "./files";
import { RadioGroup, SelectField, TextArea, TextField } from "./fields";
import { ContactFields, DescriptionField, EvidenceField } from "./shared-fields";
import { UrlList } from "./url-list";
import { useChoices, useRules } from "./use-rules";

export function HarmfulInfoFields(files: FilesProps) {
  const t = useTranslations();
  const { asked, applies, max, optional } = useRules(harmfulInfo);
  // Child-abuse reports take no files and no contact details (the declaration's rule).
  const noFiles = !applies("evidence");
  const { setFiles } = files;
  useEffect(() => {
    if (noFiles) setFiles((slots) => ({ ...slots, evidence: [] }));
  }, [noFiles, setFiles]);
  return (
    <>
      <RadioGroup name="subtype" label={t("fields.subtype")} options={useChoices(harmfulInfo, "subtype")} />
      {noFiles && <p className="notice notice--warning">{t("form.childAbuseNote")}</p>}
      <UrlList name="urls" label={t("fields.urls")} hint={t("hints.urls")} max={max("urls")} />
      <TextArea name="locator" label={t("fields.locator")} hint={t("hints.locator")} optional={optional("locator")} rows={3} />
      <SelectField name="platform" label={t("fields.platform")} options={useChoices(harmfulInfo, "platform")} />
      <SelectField name="contentType" label={t("fields.contentType")} optional options={useChoices(harmfulInfo, "contentType")} />
      <DescriptionField />
      <TextField name="firstSeenAt" label={t("fields.firstSeenAt")} hint={t("hints.datetime")} type="datetime-local" optional />
      <TextField name="howReached" label={t("fields.howReached")} optional />
      {asked("evidence") && <EvidenceField {...files} optional={optional("evidence")} />}
      {asked("contact") && <ContactFields />}
    </>
  );
}
