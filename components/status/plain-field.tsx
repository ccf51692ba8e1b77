"use client";

import { fieldId, useFieldError } from "@/components/report-form/form-errors";
import { describedBy, FieldShell } from "@/components/ui/field-shell";

/** A labelled input or textarea for forms that do not need react-hook-form. */
export function PlainField({
  name,
  label,
  hint,
  defaultValue,
  multiline,
  autoComplete,
  spellCheck,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  multiline?: boolean;
  autoComplete?: string;
  spellCheck?: boolean;
}) {
  const error = useFieldError(name);
  const id = fieldId(name);
  const props = {
    id,
    name,
    defaultValue,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
    className: error ? "input--error" : undefined,
  };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea {...props} rows={5} />
      ) : (
        <input {...props} type="text" autoComplete={autoComplete} spellCheck={spellCheck} autoCapitalize="characters" />
      )}
    </FieldShell>
  );
}
