import { describe, expect, it } from "vitest";
import { format, negotiateLocale, translateIssue } from "./index";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("zh-CN and en have exactly the same keys, none empty", () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const empty = (m: object) => keys(m).filter((k) => !String(k.split(".").reduce<any>((o, p) => o[p], m)).trim());
    expect(empty(en)).toEqual([]);
    expect(empty(zhCN)).toEqual([]);
  });

  it("translate validation keys with their parameter", () => {
    expect(translateIssue("too_short:10", "en")).toBe("Enter at least 10 characters.");
    expect(translateIssue("too_short:10", "zh-CN")).toBe("请至少输入 10 个字符。");
    expect(translateIssue("no_such_key", "en")).toBe(en.validation.invalid);
  });

  it("fill placeholders and leave unknown ones", () => {
    expect(format("ref {ref} {other}", { ref: "abc" })).toBe("ref abc {other}");
  });

  it("follow Accept-Language, with zh-CN as the default", () => {
    expect(negotiateLocale("en-GB,en;q=0.9")).toBe("en");
    expect(negotiateLocale("fr-FR,en;q=0.5,zh-TW;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("de-DE")).toBe("zh-CN");
    expect(negotiateLocale(null)).toBe("zh-CN");
    expect(negotiateLocale("zh;q=0, en")).toBe("en");
  });
});
