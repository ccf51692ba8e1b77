import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { unlessMissing } from "./issue-keys";



/** Forms send "" for an empty input; the schema treats it as absent. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/** An optional field that also accepts an empty form input. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

export const text = (max: number) => z.string().trim().min(1).max(max);

/** Allowance for a device clock that runs a little fast. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export const pastDateTime = z
  .iso.datetime({ offset: true })
  // An unparseable value already has its format error; do not add a second one.
  .refine((value) => !(Date.parse(value) > Date.now() + CLOCK_SKEW_MS), { error: "in_future" });

export const dateOrDateTime = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  { error: unlessMissing("invalid_date") },
);

/**
 * People paste addresses as browsers show them, without "https://" ("example.com/post/1").
 * A value with no scheme that starts like a host name gets https:// in front; anything with
 * a scheme keeps it, so "javascript:…" is still refused below.
 */
export function withScheme(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[^/:]+\.[a-z]{2,}:\d+(\/|$)/i.test(value)) return value;
  return /^(\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]|$)/u.test(value) ? `https://${value.replace(/^\/\//, "")}` : value;
}

export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .transform(withScheme)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, { error: "invalid_url" });

export const email = z.string().trim().max(254).pipe(z.email({ error: "invalid_email" }));

/** A phone number as people type it, in any format; China is the default region. */
export const phone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => parsePhoneNumberFromString(value, "CN")?.isValid() === true, {
    error: "invalid_phone",
  });

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
export const currency = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => CURRENCIES.has(value), { error: "invalid_currency" });

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
export const country = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => /^[A-Z]{2}$/.test(value) && regionNames.of(value) !== undefined, {
    error: "invalid_country",
  });

/** A positive decimal amount as a string, so no precision is lost on the way. */
export const decimalAmount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, { error: "invalid_amount" })
  .refine((value) => Number(value) > 0, { error: "invalid_amount" });
