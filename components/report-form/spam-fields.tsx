"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { SPAM_CHANNELS, SPAM_SUBTYPES } from "@/lib/validation/options";
import type { FilesProps } from "./files";
import { FileField } from "./file-field";
import { Group, RadioGroup, SelectField, TextArea, TextField } from "./fields";
import { ContactFields, DescriptionField, EvidenceField, useOptions } from "./shared-fields";
import { useHydrated } from "./use-hydrated";

export function SpamFields(files: FilesProps) {
  const t = useTranslations();
  const hydrated = useHydrated();
  const channel = useFormContext().watch("channel") as string | undefined;
  const show = (...channels: string[]) => !hydrated || (channel !== undefined && channels.includes(channel));
  const contentRequired = channel === "sms" || channel === "im" || channel === "app-push";
  return (
    <>
      <RadioGroup name="channel" label={t("fields.channel")} options={useOptions("options.channel", SPAM_CHANNELS)} />
      <SelectField name="subtype" label={t("fields.subtype")} optional options={useOptions("subtypes.spam", SPAM_SUBTYPES)} />
      <TextField name="sender" label={t("fields.sender")} hint={t("hints.sender")} />
      {show("sms", "call") && <TextField name="recipient" label={t("fields.recipient")} type="tel" autoComplete="tel" />}
      <TextField name="receivedAt" label={t("fields.receivedAt")} hint={t("hints.datetime")} type="datetime-local" />
      {show("sms", "im", "app-push", "fax", "email", "call") && (
        <TextArea name="content" label={t("fields.content")} hint={t("hints.content")} optional={!contentRequired} rows={5} />
      )}
      {show("email") && (
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
      {show("call") && (
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
