"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { ReactNode } from "react";
import { get, useFormContext } from "react-hook-form";
import { describedBy, FieldShell, HintAndError } from "@/components/ui/field-shell";
import { fieldId, useFieldError } from "./form-errors";

type Common = { name: string; label: string; hint?: string; optional?: boolean };

/**
 * The value a field starts with. react-hook-form fills inputs from JavaScript; the server
 * render must carry the values itself, so that a form returned with errors to a browser
 * without JavaScript keeps what the person typed.
 */
function useInitial(name: string): string | undefined {
  const value = get(useFormContext().formState.defaultValues ?? {}, name);
  return typeof value === "string" ? value : undefined;
}

/** What every registered control carries: id, initial value, ARIA links and the registration. */
function useControl(name: string, hint?: string) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const initial = useInitial(name);
  const id = fieldId(name);
  const control = {
    id,
    defaultValue: initial,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
    className: error ? "input--error" : undefined,
    ...register(name),
  };
  return { id, error, initial, control };
}

type InputProps = Common & {
  type?: "text" | "email" | "tel" | "url" | "number" | "date" | "datetime-local";
  autoComplete?: string;
  inputMode?: "text" | "decimal" | "numeric" | "tel" | "email" | "url";
};

export function TextField({ name, label, hint, optional, type = "text", autoComplete, inputMode }: InputProps) {
  const { id, error, control } = useControl(name, hint);
  return (
    <FieldShell id={id} label={label} optional={optional} hint={hint} error={error}>
      <input type={type} autoComplete={autoComplete ?? "off"} inputMode={inputMode} {...control} />
    </FieldShell>
  );
}

export function TextArea({ name, label, hint, optional, rows = 6 }: Common & { rows?: number }) {
  const { id, error, control } = useControl(name, hint);
  return (
    <FieldShell id={id} label={label} optional={optional} hint={hint} error={error}>
      <textarea rows={rows} {...control} />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

/**
 * A select. `preset` is chosen when nothing was answered yet. `namedByBrowser`: the labels
 * come from the runtime's own data (Intl), which may word a name slightly differently on
 * the server than in the browser; the server's words stay until the next render.
 */
export function SelectField({ name, label, hint, optional, options, preset, namedByBrowser }: Common & { options: Option[]; preset?: string; namedByBrowser?: boolean }) {
  const t = useTranslations("form");
  const { id, error, initial, control } = useControl(name, hint);
  return (
    <FieldShell id={id} label={label} optional={optional} hint={hint} error={error}>
      <select {...control} defaultValue={initial ?? preset ?? ""}>
        <option value="">{t("choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} suppressHydrationWarning={namedByBrowser}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Radios in a fieldset; the legend names the question. Every choice is a 44-px target. */
export function RadioGroup({
  name,
  label,
  hint,
  optional,
  options,
  inline,
}: Common & { options: Option[]; inline?: boolean }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const initial = useInitial(name);
  const id = fieldId(name);
  const t = useTranslations("form");
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`field${error ? " field--error" : ""}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>
        {label} {optional && <span className="optional">{t("optional")}</span>}
      </legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className={inline ? "choices--inline" : undefined}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" value={o.value} defaultChecked={initial === o.value} {...register(name)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxField({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  const initial = useInitial(name);
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <HintAndError id={id} error={error} />
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          value="true"
          defaultChecked={initial === "true" || initial === "on"}
          aria-describedby={describedBy(id, undefined, error)}
          aria-invalid={error ? true : undefined}
          {...register(name)}
        />
        {label}
      </label>
    </div>
  );
}

/** A titled group of fields, focusable so that an error summary link can land on it. */
export function Group({ name, legend, hint, children }: { name: string; legend: string; hint?: string; children: ReactNode }) {
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <fieldset id={id} tabIndex={-1} className={`group${error ? " field--error" : ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}
