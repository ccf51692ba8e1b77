import { describe, expect, it } from "vitest";
import { snippet } from "./snippet";

describe("snippet", () => {
  it("folds whitespace and keeps a short description whole", () => {
    expect(snippet("  Parcel held,\n\npay   the fee. ")).toBe("Parcel held, pay the fee.");
  });
  it("cuts a long one on a word boundary", () => {
    const s = snippet("word ".repeat(50), 30);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toBe(`${"word ".repeat(6).trim()}…`);
  });
  it("never splits an emoji or a surrogate pair, and cuts CJK text by characters", () => {
    expect(snippet("😀".repeat(120), 100)).toBe(`${"😀".repeat(100)}…`);
    expect(snippet("诈骗".repeat(80), 100)).toBe(`${"诈骗".repeat(50)}…`);
  });
  it("stays linear on a huge description", () => {
    expect(snippet("a".repeat(5_000_000), 100)).toBe(`${"a".repeat(100)}…`);
  });
});
