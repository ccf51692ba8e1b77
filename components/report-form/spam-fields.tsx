"use client";

import { useTranslations } from "@/lib/i18n/client";
import { spam } from "@/lib/categories/spam";
import type { FilesProps } from "./files";
import { FileField } from "./file-field";
import { Group, RadioGroup, SelectField, TextArea, TextField } from "./fields";
import { ContactFields, DescriptionField, EvidenceField } from "./shared-fields";
import { useChoices, useRules } from "./use-rules";

export function SpamFields(files: FilesProps) {
  const t = useTranslations();
  const { asked, optional } = useRules(spam);
  return (
    <>
      <RadioGroup name="channel" label={t("fields.channel")} options={useChoices(spam, "channel")} />
      <SelectField name="subtype" label={t("fields.subtype")} optional options={useChoices(spam, "subtype")} />
      <TextField name="sender" label={t("fields.sender")} hint={t("hints.sender")} />
      {asked("recipient") && <TextField name="recipient" label={t("fields.recipient")} type="tel" autoComplete="tel" />}
      <TextField name="receivedAt" label={t("fields.receivedAt")} hint={t("hints.datetime")} type="datetime-local" />
      {asked("content") && (
        <TextArea name="content" label={t("fields.content")} hint={`${t("hints.content")} ${t("hints.contentWhen")}`} optional={optional("content")} rows={5} />
      )}
      {asked("rawEmail") && (
        <FileField
          id="rawEmail"
          inputName="evidence"
          label={t("fields.rawEmail")}
          hint={t("form.emlHint")}
          accept=".eml,message/rfc822"
          files={files.files.eml}
          onChange={(eml) => files.setFiles((slots) => ({ ...slots, eml }))}
        />
      )}
      {asked("callDetails") && (
        <Group name="callDetails" legend={t("fields.callDetails.label")}>
          <TextField name="callDetails.durationSec" label={t("fields.callDetails.durationSec")} inputMode="numeric" optional />
          <TextField name="callDetails.claimedIdentity" label={t("fields.callDetails.claimedIdentity")} optional />
        </Group>
      )}
      <DescriptionField />
      <EvidenceField {...files} />
      <ContactFields />
    </>
  );
}
