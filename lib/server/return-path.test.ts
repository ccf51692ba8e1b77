import { describe, expect, it } from "vitest";
import { sameSitePath } from "./return-path";

describe("sameSitePath", () => {
  it.each([
    ["/report/spam", "/report/spam"],
    ["/status?x=1#top", "/status?x=1#top"],
    ["/queue/../admin", "/admin"],
  ])("keeps the site's own path %s", (raw, expected) => expect(sameSitePath(raw)).toBe(expected));

  // Issue #11, item 9: the language switch sent Chromium to http://evil.example/.
  it.each([
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "/\t/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/.//evil.example",
    "http://portal.invalid@evil.example/",
    "",
    "x".repeat(3000),
  ])("sends %s home", (raw) => {
    const path = sameSitePath(raw);
    expect(path.startsWith("/")).toBe(true);
    expect(new URL(path, "https://portal.example").origin).toBe("https://portal.example");
  });

  it("never returns a non-string's text", () => {
    expect(sameSitePath(undefined)).toBe("/");
    expect(sameSitePath({ toString: () => "//evil.example" })).toBe("/");
  });
});
