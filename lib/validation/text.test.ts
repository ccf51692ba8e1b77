import { describe, expect, it } from "vitest";
import { isStorableText, unstorableTextPaths } from "./text";

describe("storable text", () => {
  it("accepts any well-formed Unicode, emoji and CJK included", () => {
    expect(isStorableText("举报 🚨 Ünïcödé \u202e")).toBe(true);
  });

  it.each([["\ud800"], ["a\udc00b"], ["x\ud83d"], ["nul\u0000"]])("refuses %j", (text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it("names the path of every bad string, however deep in the report", () => {
    const paths = unstorableTextPaths({
      description: "fine",
      contact: { name: "Zhang \ud800" },
      transactions: [{ amount: "5" }, { recipientName: "\u0000" }],
      urls: ["https://a.example/\udfff"],
    });
    expect(paths).toEqual(["contact.name", "transactions.1.recipientName", "urls.0"]);
  });

  it("stops at a fixed depth instead of walking a hostile nesting", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const paths = unstorableTextPaths(deep);
    expect(paths).toHaveLength(1);
    expect(paths[0].split(".")).toHaveLength(32);
  });
});
