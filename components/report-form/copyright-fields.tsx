"use client";

import { useTranslations } from "@/lib/i18n/client";
import { copyright } from "@/lib/categories/copyright";
import type { FilesProps } from "./files";
import { FileField } from "./file-field";
import { CheckboxField, Group, RadioGroup, SelectField, TextArea, TextField } from "./fields";
import { ACCEPT } from "./files";
import { ContactFields, DescriptionField, EvidenceField } from "./shared-fields";
import { UrlList } from "./url-list";
import { useChoices, useRules } from "./use-rules";

export function CopyrightFields(files: FilesProps) {
  const t = useTranslations();
  const { asked, max } = useRules(copyright);
  return (
    <>
      <RadioGroup name="submitterRole" label={t("fields.submitterRole")} options={useChoices(copyright, "submitterRole")} />
      <Group name="rightholder" legend={t("fields.rightholder.label")}>
        <TextField name="rightholder.name" label={t("fields.rightholder.name")} autoComplete="organization" />
        <TextArea name="rightholder.address" label={t("fields.rightholder.address")} rows={2} />
        <TextField name="rightholder.phone" label={t("fields.rightholder.phone")} type="tel" />
        <TextField name="rightholder.email" label={t("fields.rightholder.email")} type="email" />
      </Group>
      {asked("agentAuthorization") && (
        <FileField
          id="agentAuthorization"
          inputName="agentAuthorization"
          label={t("fields.agentAuthorization")}
          hint={t("form.authorizationHint")}
          accept={ACCEPT}
          files={files.files.agentAuthorization}
          onChange={(agentAuthorization) => files.setFiles((s) => ({ ...s, agentAuthorization }))}
        />
      )}
      <Group name="work" legend={t("fields.work.label")}>
        <TextField name="work.title" label={t("fields.work.title")} />
        <SelectField name="work.type" label={t("fields.work.type")} options={useChoices(copyright, "work.type")} />
        <TextField name="work.originalUrl" label={t("fields.work.originalUrl")} type="url" optional />
      </Group>
      <TextArea name="ownershipProof" label={t("fields.ownershipProof")} hint={t("hints.ownershipProof")} rows={3} />
      <FileField
        id="ownershipProofFile"
        inputName="ownershipProofFile"
        label={t("form.ownershipFile")}
        accept={ACCEPT}
        optional
        files={files.files.ownershipProofFile}
        onChange={(ownershipProofFile) => files.setFiles((s) => ({ ...s, ownershipProofFile }))}
      />
      <UrlList name="infringingUrls" label={t("fields.infringingUrls")} hint={t("hints.urls")} max={max("infringingUrls")} />
      <SelectField name="infringementType" label={t("fields.infringementType")} optional options={useChoices(copyright, "infringementType")} />
      <RadioGroup name="requestedAction" label={t("fields.requestedAction")} options={useChoices(copyright, "requestedAction")} />
      <DescriptionField />
      <EvidenceField {...files} />
      <ContactFields required />
      <CheckboxField name="accuracyStatement" label={t("fields.accuracyStatement")} />
      <TextField name="signature" label={t("fields.signature")} hint={t("hints.signature")} autoComplete="name" />
    </>
  );
}
