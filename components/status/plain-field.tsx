"use client";

import { fieldId, useFieldError } from "@/components/report-form/form-errors";

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
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const props = {
    id,
    name,
    defaultValue,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    className: error ? "input--error" : undefined,
  };
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="error-message" id={`${id}-error`}>{error}</p>}
      {multiline ? (
        <textarea {...props} rows={5} />
      ) : (
        <input {...props} type="text" autoComplete={autoComplete} spellCheck={spellCheck} autoCapitalize="characters" />
      )}
    </div>
  );
}
