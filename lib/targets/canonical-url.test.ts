import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url";

describe("canonicalUrl", () => {
  it("lower-cases scheme and host but keeps the path's case", () => {
    expect(canonicalUrl("HTTPS://Example.COM/Path/Page")).toBe("https://example.com/Path/Page");
  });

  it("drops the default port and keeps any other", () => {
    expect(canonicalUrl("https://example.com:443/a")).toBe("https://example.com/a");
    expect(canonicalUrl("http://example.com:80/a")).toBe("http://example.com/a");
    expect(canonicalUrl("http://example.com:8080/a")).toBe("http://example.com:8080/a");
  });

  it("drops the fragment, credentials and tracking parameters, and sorts the rest", () => {
    expect(
      canonicalUrl("https://shop.example.com/item?utm_source=x&id=7&fbclid=abc&b=2&gclid=z&UTM_Medium=m#reviews"),
    ).toBe("https://shop.example.com/item?b=2&id=7");
    expect(canonicalUrl("https://user:pw@example.com/")).toBe("https://example.com/");
  });

  it("gives one form for spellings of the same page", () => {
    const spellings = [
      "https://casino.example.com/play?utm_source=chat",
      "HTTPS://CASINO.EXAMPLE.COM:443/play#top",
      "https://casino.example.com./play?fbclid=1",
    ];
    expect(new Set(spellings.map(canonicalUrl)).size).toBe(1);
  });

  it("puts internationalised hosts in punycode and adds the root path", () => {
    expect(canonicalUrl("http://例子.测试")).toBe("http://xn--fsqu00a.xn--0zwm56d/");
  });

  it("refuses what is not an http(s) URL", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeUndefined();
    expect(canonicalUrl("ftp://example.com/file")).toBeUndefined();
    expect(canonicalUrl("not a url")).toBeUndefined();
  });
});
