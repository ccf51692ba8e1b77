"use client";

import { useTranslations } from "@/lib/i18n/client";
import { FILE_LIMITS } from "@/lib/validation/options";
import type { FilesProps } from "./files";
import { FileField } from "./file-field";
import { Group, TextArea, TextField, type Option } from "./fields";
import { ACCEPT } from "./files";

/** Options for a select or radio group, labelled from a message namespace. */
export function useOptions(namespace: string, values: readonly string[]): Option[] {
  const t = useTranslations();
  return values.map((value) => ({ value, label: t(`${namespace}.${value}` as never) }));
}

export function DescriptionField() {
  const t = useTranslations();
  return <TextArea name="description" label={t("fields.description")} hint={t("hints.description")} />;
}

/** The optional contact block; `required` for copyright notices. */
export function ContactFields({ required = false }: { required?: boolean }) {
  const t = useTranslations();
  return (
    <Group name="contact" legend={required ? t("form.contactRequired") : t("fields.contact.label")} hint={required ? t("form.contactOneOf") : t("form.anonymous")}>
      <TextField name="contact.name" label={t("fields.contact.name")} optional autoComplete="name" />
      {/* Required: one of the pair, said as such instead of "(optional)" on each. */}
      <TextField name="contact.email" label={t("fields.contact.email")} hint={required ? t("form.oneOfPair") : undefined} type="email" optional={!required} autoComplete="email" />
      <TextField name="contact.phone" label={t("fields.contact.phone")} hint={required ? t("form.oneOfPair") : undefined} type="tel" optional={!required} autoComplete="tel" />
    </Group>
  );
}

/** The evidence files; `optional` is false where a rule can require them (a screenshot when there is no web address). */
export function EvidenceField({ files, setFiles, optional = true }: FilesProps & { optional?: boolean }) {
  const t = useTranslations("form.files");
  return (
    <FileField
      id="evidence"
      inputName="evidence"
      label={t("label")}
      hint={t("hint", {
        count: FILE_LIMITS.maxFiles,
        each: FILE_LIMITS.maxFileBytes / 1024 / 1024,
        total: FILE_LIMITS.maxTotalBytes / 1024 / 1024,
      })}
      accept={ACCEPT}
      multiple
      optional={optional}
      files={files.evidence}
      onChange={(evidence) => setFiles((slots) => ({ ...slots, evidence }))}
    />
  );
}
