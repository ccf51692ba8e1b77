import { describe, expect, it } from "vitest";
import { scanLinks, windowsOf, WINDOW_CHARS } from "./links";

function linksOf(text: string) {
  const urls: string[] = [];
  const emails: string[] = [];
  scanLinks(text, (u) => urls.push(u), (e) => emails.push(e));
  return { urls, emails };
}

describe("windowsOf", () => {
  it("hands linkify pieces of bounded length, cut only at whitespace", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? `https://w${i}.example.com/p?i=${i}` : `word${i}`));
    const text = words.join(" ");
    const pieces = [...windowsOf(text)];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(WINDOW_CHARS);
    // Nothing is lost or read twice: the pieces are the text, in order.
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces.slice(1)) expect(piece[0]).toBe(" ");
  });

  it("reads the head of a word longer than a piece and skips the rest of that word only", () => {
    const text = `before ${"x".repeat(WINDOW_CHARS * 3)} after`;
    const pieces = [...windowsOf(text)];
    expect(pieces.every((p) => p.length <= WINDOW_CHARS)).toBe(true);
    expect(pieces.join("").length).toBeLessThan(text.length);
    expect(pieces.at(-1)).toBe(" after");
  });
});

describe("scanLinks", () => {
  it("finds every link of a long text once each, in order", () => {
    const count = 30_000;
    const text = Array.from({ length: count }, (_, i) => `http://spam${i}.example.com/p?i=${i}&utm_source=x`).join("\n");
    const { urls } = linksOf(text);
    expect(urls).toHaveLength(count);
    expect(urls[0]).toBe("http://spam0.example.com/p?i=0");
    expect(urls.at(-1)).toBe(`http://spam${count - 1}.example.com/p?i=${count - 1}`);
  });

  it("finds links and addresses on both sides of a cut, and an address at the very end", () => {
    // linkify once searched the whole rest of the text for an "@" after every link found:
    // these texts are what made a pasted email take seconds per 100 KB.
    const links = Array.from({ length: 5_000 }, (_, i) => `s${i}.example.net`).join(" ");
    const { urls, emails } = linksOf(`${links} write to Boss@Scam.example.com`);
    expect(urls).toHaveLength(5_000);
    expect(emails).toEqual(["boss@scam.example.com"]);
  });

  it("reads a long URL up to the piece length", () => {
    const url = `https://long.example.com/${"a".repeat(WINDOW_CHARS)}`;
    const { urls } = linksOf(`see ${url} now`);
    expect(urls).toHaveLength(1);
    expect(urls[0].startsWith("https://long.example.com/aaa")).toBe(true);
  });
});
