"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState } from "react";
import { describedBy, FieldShell } from "@/components/ui/field-shell";
import { EVIDENCE_TYPES, FILE_LIMITS } from "@/lib/validation/options";
import { metaOf } from "./files";
import { originalSize } from "./original-size";
import { fieldId, useFieldError, useMessage } from "./form-errors";
import { useHydrated } from "./use-hydrated";

/**
 * A file input whose chosen files are listed with their size and a remove button. The
 * list is the source of truth: it is written back into the input, so the form sends
 * exactly the files shown. Without JavaScript it is a plain file input.
 */
export function FileField({
  id: idName,
  inputName,
  label,
  hint,
  accept,
  multiple,
  files,
  onChange,
  optional,
}: {
  id: string;
  inputName: string;
  label: string;
  hint?: string;
  accept: string;
  multiple?: boolean;
  files: File[];
  onChange: (files: File[]) => void;
  optional?: boolean;
}) {
  const t = useTranslations("form");
  const format = useFormatter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const message = useMessage();
  const [refused, setRefused] = useState<{ name: string; problem: string }[]>([]);
  const fieldError = useFieldError(idName);
  // A file that cannot be sent is said at once, beside the field, and not added.
  const error = fieldError ?? (refused.length ? refused.map((r) => `${r.name}: ${message(r.problem)}`).join(" ") : undefined);
  const id = fieldId(idName);

  useEffect(() => {
    if (!input.current || typeof DataTransfer === "undefined") return;
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.current.files = transfer.files;
  }, [files]);

  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
      : `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB`;

  return (
    <FieldShell id={id} label={label} optional={optional} hint={hint} error={error}>
      <input
        ref={input}
        id={id}
        name={inputName}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={async (event) => {
          const chosenFiles = Array.from(event.target.files ?? []);
          // The scaling code loads only when a photo is chosen.
          const { shrinkImage } = await import("./shrink-image");
          const all = await Promise.all(chosenFiles.map(shrinkImage));
          const problems = all.map((file) => ({ file, problem: fileProblem(file) }));
          setRefused(problems.filter((p) => p.problem).map((p) => ({ name: p.file.name, problem: p.problem! })));
          const chosen = problems.filter((p) => !p.problem).map((p) => p.file);
          onChange(multiple ? [...files, ...chosen.filter((c) => !files.some((f) => f.name === c.name && f.size === c.size))] : chosen);
        }}
      />
      {hydrated && files.length > 0 && (
        <ul className="file-list" aria-label={t("files.selected")}>
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${index}`}>
              <span className="file-name">
                {file.name}{" "}
                <span className="muted">
                  ({originalSize.has(file) ? t("files.reduced", { size: size(file.size), from: size(originalSize.get(file)!) }) : size(file.size)})
                </span>
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                {t("removeItem", { item: file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </FieldShell>
  );
}

/** Why a chosen file cannot be sent, as an issue key; the server checks again from the content. */
function fileProblem(file: File): string | undefined {
  if (file.size === 0) return "file_empty";
  if (file.size > FILE_LIMITS.maxFileBytes) return `file_too_large:${FILE_LIMITS.maxFileBytes / 1024 / 1024}`;
  if (!(EVIDENCE_TYPES as readonly string[]).includes(metaOf(file).type)) return "file_type";
  return undefined;
}
