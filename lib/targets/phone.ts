import { findPhoneNumbersInText, parsePhoneNumberFromString } from "libphonenumber-js";

export const DEFAULT_REGION = "CN" as const;

/** E.164 form of a phone number, e.g. "+8613800138000", or undefined if it is not one. */
export function toE164(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), DEFAULT_REGION);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** Every valid phone number in a text, in E.164, without repeats. */
export function phoneNumbersIn(text: string): string[] {
  const found = findPhoneNumbersInText(text, { defaultCountry: DEFAULT_REGION });
  return [...new Set(found.filter((match) => match.number.isValid()).map((m) => m.number.number))];
}
