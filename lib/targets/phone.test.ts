import { describe, expect, it } from "vitest";
import { canonicalPhone, phoneNumbersIn, serviceNumber, toE164 } from "./phone";

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

describe("service numbers", () => {
  it("are kept as written (digits only), not read as Beijing landlines", () => {
    expect(canonicalPhone("10690000123")).toBe("10690000123");
    expect(canonicalPhone("1069 0000 123")).toBe("10690000123");
    expect(canonicalPhone("106575501234567")).toBe("106575501234567");
    expect(canonicalPhone("95588")).toBe("95588");
    expect(canonicalPhone("12321")).toBe("12321");
    expect(canonicalPhone("96110")).toBe("96110");
    expect(canonicalPhone("10086")).toBe("10086");
    expect(toE164("10690000123")).toBe("+8610690000123"); // what libphonenumber alone makes of it
  });

  it("leave real numbers alone", () => {
    expect(serviceNumber("13800138000")).toBeUndefined();
    expect(serviceNumber("010-6552 9988")).toBeUndefined();
    expect(canonicalPhone("010-6552 9988")).toBe("+861065529988");
    expect(canonicalPhone("+86 138 0013 8000")).toBe("+8613800138000");
    expect(serviceNumber("4008 123 456")).toBeUndefined();
  });

  it("are found in running text once, as service numbers, beside ordinary numbers", () => {
    const text = "【积分提醒】回复TD退订。发送方 1069 0000 123，客服 138 0013 8000，转账后拨打 010 6552 9988。";
    expect(phoneNumbersIn(text).sort()).toEqual(["+861065529988", "+8613800138000", "10690000123"]);
  });
});
