"use client";

import { useTranslations } from "@/lib/i18n/client";
import { valueNamesFor, type CategoryDeclaration, type FieldDeclaration } from "@/lib/categories/declaration";
import { CheckboxField, Group, RadioGroup, SelectField, TextArea, TextField } from "./fields";
import type { FilesProps } from "./files";
import { Repeatable } from "./repeatable";
import { ContactFields, EvidenceField, useOptions } from "./shared-fields";
import { UrlList } from "./url-list";
import { useRules } from "./use-rules";

/** Fields the form itself sends (the page's language) or asks after the category's fields. */
const NOT_ASKED_HERE = new Set(["locale", "goodFaith"]);

/** Up to this many choices are radio buttons; more are a select. */
const RADIO_LIMIT = 4;

/**
 * The form of a category with no layout of its own: each declared field in declaration
 * order, with the control its type calls for, labelled from `fields.<path>` in the
 * messages. The four categories have hand-laid forms that read the same rules; a new
 * category works with this one until it gets its own.
 *
 * Single-file fields (`file`) need a file slot of their own (files.ts) and are refused.
 */
export function DeclaredFields({ declaration, ...files }: { declaration: CategoryDeclaration } & FilesProps) {
  const { asked, required } = useRules(declaration);
  return (
    <>
      {declaration.fields
        .filter((f) => !NOT_ASKED_HERE.has(f.name) && asked(f.name))
        .map((f) => (
          <DeclaredField key={f.name} declaration={declaration} field={f} path={f.name} optional={!required(f.name)} files={files} />
        ))}
    </>
  );
}

const INPUT_TYPES: Partial<Record<FieldDeclaration["type"], "email" | "tel" | "url" | "date" | "datetime-local">> = {
  email: "email",
  phone: "tel",
  url: "url",
  date: "date",
  datetime: "datetime-local",
};

function DeclaredField({ declaration, field, path, optional, files }: { declaration: CategoryDeclaration; field: FieldDeclaration; path: string; optional: boolean; files: FilesProps }) {
  const t = useTranslations();
  const label = (key: string) => t(`fields.${key}` as never);
  const labelPath = path.replace(/\.\d+(?=\.|$)/g, "");
  switch (field.type) {
    case "enum":
      return <Choice namespace={valueNamesFor(declaration, field)} field={field} name={path} label={label(labelPath)} optional={optional} />;
    case "boolean":
      if (field.values?.length === 1) return <CheckboxField name={path} label={label(labelPath)} />;
      return (
        <RadioGroup
          name={path}
          label={label(labelPath)}
          inline
          options={[
            { value: "true", label: t("form.yes") },
            { value: "false", label: t("form.no") },
          ]}
        />
      );
    case "text":
    case "file-or-text":
      return <TextArea name={path} label={label(labelPath)} optional={optional} rows={3} />;
    case "object":
      if (field.name === "contact" && path === "contact") return <ContactFields required={!optional} />;
      return (
        <Group name={path} legend={label(`${labelPath}.label`)}>
          {(field.fields ?? []).map((child) => (
            <DeclaredField key={child.name} declaration={declaration} field={child} path={`${path}.${child.name}`} optional={child.required !== true} files={files} />
          ))}
        </Group>
      );
    case "array": {
      const item = field.item;
      if (!item) return null;
      if (item.type !== "object") return <UrlList name={path} label={label(labelPath)} max={field.max ?? 10} />;
      return (
        <Group name={path} legend={label(`${labelPath}.label`)}>
          <Repeatable
            name={path}
            initial={1}
            max={field.max ?? 10}
            addLabel={t("form.addRow", { label: label(`${labelPath}.label`) })}
            itemLabel={(i) => t("form.row", { label: label(`${labelPath}.label`), n: i + 1 })}
            renderRow={(prefix) =>
              (item.fields ?? []).map((child) => (
                <DeclaredField key={child.name} declaration={declaration} field={child} path={`${prefix}.${child.name}`} optional={child.required !== true} files={files} />
              ))
            }
          />
        </Group>
      );
    }
    case "files":
      return <EvidenceField {...files} />;
    case "file":
      throw new Error(`${path}: a single-file field needs a file slot and its own layout`);
    default:
      return (
        <TextField
          name={path}
          label={label(labelPath)}
          optional={optional}
          type={INPUT_TYPES[field.type] ?? "text"}
          inputMode={field.type === "decimal" ? "decimal" : field.type === "integer" ? "numeric" : undefined}
        />
      );
  }
}

function Choice({ namespace, field, name, label, optional }: { namespace: string; field: FieldDeclaration; name: string; label: string; optional: boolean }) {
  const options = useOptions(namespace, field.values ?? []);
  if (options.length <= RADIO_LIMIT && !optional) return <RadioGroup name={name} label={label} options={options} />;
  return <SelectField name={name} label={label} optional={optional} options={options} />;
}
