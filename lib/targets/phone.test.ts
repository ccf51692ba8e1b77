import { describe, expect, it } from "vitest";
import { phoneNumbersIn, toE164 } from "./phone";

describe("toE164", () => {
  it("reads Chinese numbers in any common spelling", () => {
    for (const spelling of ["13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "0086 13800138000"]) {
      expect(toE164(spelling)).toBe("+8613800138000");
    }
  });

  it("reads landlines with their area code and foreign numbers with their country code", () => {
    expect(toE164("010-6552 9988")).toBe("+861065529988");
    expect(toE164("+1 (202) 555-0143")).toBe("+12025550143");
    expect(toE164("+44 20 7946 0958")).toBe("+442079460958");
  });

  it("refuses what is not a valid number", () => {
    expect(toE164("12345")).toBeUndefined();
    expect(toE164("call me")).toBeUndefined();
  });
});

describe("phoneNumbersIn", () => {
  it("finds every number in a message, normalised and without repeats", () => {
    const text = "Call 138 0013 8000 or +86-138-0013-8000, or our hotline 010 6552 9988. Order 12345.";
    expect(phoneNumbersIn(text).sort()).toEqual(["+861065529988", "+8613800138000"]);
  });
});
