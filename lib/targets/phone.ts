import { findPhoneNumbersInText, parsePhoneNumberFromString } from "libphonenumber-js";

export const DEFAULT_REGION = "CN" as const;

/** E.164 form of a phone number, e.g. "+8613800138000", or undefined if it is not one. */
export function toE164(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), DEFAULT_REGION);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * China's service numbers, dialled as they are with no area code: SMS gateway ports (106
 * and 5 to 17 more digits, e.g. 10690000123), bank and company hotlines (95 + 3 to 6
 * digits, 95588), public hotlines (12 + 3 or 4 digits, 12321; 96 + 3 digits, 96110) and
 * carriers' (10 + 3 digits, 10086). libphonenumber reads 10690000123 as a Beijing landline
 * (+8610690000123); they are kept as written instead, digits only, with no "+".
 */
const SERVICE_NUMBER = /^(?:106\d{5,17}|95\d{3,6}|96\d{3}|12\d{3,4}|10\d{3})$/;
/** In running text only the long SMS ports count: a bare 5-digit number is too often something else. */
const SERVICE_IN_TEXT = /(?<![\d+])106(?:[\s-]?\d){5,17}(?!\d)/g;

/** A service number's canonical form (its digits), or undefined. */
export function serviceNumber(input: string): string | undefined {
  const digits = input.trim().replace(/[\s().-]/g, "");
  return SERVICE_NUMBER.test(digits) ? digits : undefined;
}

/** The key of a phone number as a target: a service number as written, else E.164. */
export function canonicalPhone(input: string): string | undefined {
  return serviceNumber(input) ?? toE164(input);
}

/** Every phone number in a text, in E.164 or as a service number, without repeats. */
export function phoneNumbersIn(text: string): string[] {
  const service = new Set<string>();
  for (const match of text.matchAll(SERVICE_IN_TEXT)) service.add(match[0].replace(/[\s-]/g, ""));
  const found = findPhoneNumbersInText(text, { defaultCountry: DEFAULT_REGION })
    .filter((match) => match.number.isValid())
    // The same digits read as a landline are the service number already found.
    .filter((match) => !service.has(text.slice(match.startsAt, match.endsAt).replace(/[\s().-]/g, "")))
    .map((match) => match.number.number);
  return [...new Set([...service, ...found])];
}
