import { describe, expect, it } from "vitest";
import { generateReceipt, hashReceipt, isWellFormedReceipt, normaliseReceipt } from "./receipts";

describe("receipts", () => {
  it("have 20 Crockford base32 symbols (100 bits) in five groups of four", () => {
    const code = generateReceipt();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(isWellFormedReceipt(normaliseReceipt(code))).toBe(true);
  });

  it("do not repeat, and use the whole alphabet evenly", () => {
    const codes = Array.from({ length: 5000 }, generateReceipt);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes.join("").replace(/-/g, "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (5000 * 20) / 32; // 3125 per symbol
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.15);
  });

  it("hash the same however the code is typed", () => {
    const code = "K7QX-2M9D-TR4W-8HVN-C3PB";
    const hash = hashReceipt(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReceipt("k7qx 2m9d tr4w 8hvn c3pb")).toBe(hash);
    expect(hashReceipt("K7QX2M9DTR4W8HVNC3PB")).toBe(hash);
    expect(hashReceipt("K7QX-2M9D-TR4W-8HVN-C3PB".replace("0", "O"))).toBe(hash);
    expect(hashReceipt("K7QX-2M9D-TR4W-8HVN-C3PC")).not.toBe(hash);
  });

  it("read O as 0 and I or L as 1", () => {
    expect(normaliseReceipt("oil-OIL")).toBe("011011");
  });

  it("are never stored in the clear: the hash does not contain the code", () => {
    const code = generateReceipt();
    expect(hashReceipt(code)).not.toContain(normaliseReceipt(code).toLowerCase());
  });
});
