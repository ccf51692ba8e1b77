import { describe, expect, it } from "vitest";
import { queryTokens, searchText, searchTokens } from "./tokens.mjs";

describe("search tokens", () => {
  it("splits Chinese into overlapping pairs, so that a two-character word is found inside a sentence", () => {
    expect(searchTokens("收到诈骗电话")).toEqual(["收到", "到诈", "诈骗", "骗电", "电话"]);
    const text = searchText("昨天收到诈骗电话，对方冒充快递");
    expect(` ${text} `).toContain(` ${queryTokens("诈骗").join(" ")} `);
    expect(` ${text} `).toContain(` ${queryTokens("诈骗电话").join(" ")} `);
    expect(` ${text} `).not.toContain(` ${queryTokens("电话诈骗").join(" ")} `);
  });

  it("keeps Latin words whole, lowercased and without accents, and mixed text in order", () => {
    expect(searchTokens("Café PARCEL-fee 2026")).toEqual(["cafe", "parcel", "fee", "2026"]);
    expect(searchTokens("下载APP领红包")).toEqual(["下载", "app", "领红", "红包"]);
    expect(searchTokens("一 个")).toEqual(["一", "个"]);
  });

  it("folds full-width letters and ignores punctuation, emoji and control characters", () => {
    expect(searchTokens("ＡＰＰ！😀\u0000 ok")).toEqual(["app", "ok"]);
    expect(queryTokens("!!! ...")).toEqual([]);
  });

  it("is linear and capped on huge input", () => {
    const started = performance.now();
    const tokens = searchTokens("诈".repeat(2_000_000));
    expect(tokens.length).toBe(49_999);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(queryTokens("word ".repeat(1000))).toHaveLength(32);
  });
});
