import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { findPdfActiveContent } from "./pdf-active";

type Part = string | Buffer;

/** A PDF from its objects, numbered from 1; the catalog is object 1. */
function pdf(...objects: Part[][]): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  objects.forEach((object, i) => {
    parts.push(Buffer.from(`${i + 1} 0 obj\n`), ...object.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : p)), Buffer.from("\nendobj\n"));
  });
  parts.push(Buffer.from("trailer\n<< /Root 1 0 R >>\n%%EOF\n"));
  return new Uint8Array(Buffer.concat(parts));
}

const PAGES = ["<< /Type /Pages /Kids [3 0 R] /Count 1 >>"];
const PAGE = ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"];
const catalog = (extra = "") => [`<< /Type /Catalog /Pages 2 0 R ${extra} >>`];
const stream = (dictionary: string, data: Buffer): Part[] => [`<< ${dictionary} /Length ${data.length} >>\nstream\n`, data, "\nendstream"];

/** An object stream (PDF 1.5) holding `objects` as numbers first, first+1, …, compressed. */
function objectStream(first: number, objects: string[], padding = ""): Part[] {
  let offset = 0;
  const header: string[] = [];
  for (const [i, object] of objects.entries()) {
    header.push(`${first + i} ${offset}`);
    offset += object.length + 1;
  }
  const head = `${padding}${header.join(" ")}\n`;
  return stream(`/Type /ObjStm /N ${objects.length} /First ${head.length} /Filter /FlateDecode`, deflateSync(head + objects.join("\n")));
}

describe("active content in a PDF", () => {
  it("accepts a plain document, and one that opens at a page as LaTeX and office programs write it", () => {
    expect(findPdfActiveContent(pdf(catalog(), PAGES, PAGE))).toBeUndefined();
    expect(findPdfActiveContent(pdf(catalog("/OpenAction [3 0 R /Fit]"), PAGES, PAGE))).toBeUndefined();
    expect(findPdfActiveContent(pdf(catalog("/OpenAction 4 0 R"), PAGES, PAGE, ["<< /S /GoTo /D [3 0 R /Fit] >>"]))).toBeUndefined();
    // hyperref: the catalog and its GoTo action inside a compressed object stream.
    const compressed = objectStream(4, ["<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", "<< /S /GoTo /D [3 0 R /Fit] >>"]);
    expect(findPdfActiveContent(pdf(["<< /Type /Catalog /Pages 2 0 R >>"], PAGES, PAGE, compressed))).toBeUndefined();
  });

  it.each([
    ["JavaScript run on opening", "/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert(1)) >>", "/JavaScript"],
    ["a hex-escaped JavaScript name", "/OpenAction 4 0 R", "<< /S /J#61vaScript /J#53 (app.alert(1)) >>", "/JavaScript"],
    ["a /JS key alone", "/Names 4 0 R", "<< /X << /JS (app.alert(1)) >> >>", "/JS"],
    ["a web address opened on opening", "/OpenAction << /S /URI /URI (https://tracker.example/) >>", "<< >>", "/OpenAction"],
    ["a program launched", "/OpenAction 4 0 R", "<< /S /Launch /F (cmd.exe) >>", "/Launch"],
    ["page actions without a click", "/AA << /O 4 0 R >>", "<< /S /GoTo /D [3 0 R /Fit] >>", "/AA"],
    ["an embedded file", "/Names << /EmbeddedFiles 4 0 R >>", "<< /Names [(a.exe) 5 0 R] >>", "/EmbeddedFiles"],
    ["an XFA form", "/AcroForm << /XFA 4 0 R >>", "<< >>", "/XFA"],
  ])("refuses %s", (_, entry, object, name) => {
    expect(findPdfActiveContent(pdf(catalog(entry), PAGES, PAGE, [object]))).toEqual({ kind: "active", name });
  });

  it("refuses an /OpenAction that points to anything but a place in the document", () => {
    const uri = pdf(catalog("/OpenAction 4 0 R"), PAGES, PAGE, ["<< /S /URI /URI (https://tracker.example/) >>"]);
    expect(findPdfActiveContent(uri)).toEqual({ kind: "active", name: "/OpenAction" });
    const chained = pdf(catalog("/OpenAction 4 0 R"), PAGES, PAGE, ["<< /S /GoTo /D [3 0 R /Fit] /Next 5 0 R >>"]);
    expect(findPdfActiveContent(chained)).toEqual({ kind: "active", name: "/OpenAction" });
    const missing = pdf(catalog("/OpenAction 40 0 R"), PAGES, PAGE);
    expect(findPdfActiveContent(missing)).toEqual({ kind: "active", name: "/OpenAction" });
  });

  it("finds active content inside compressed object streams, even behind padding", () => {
    const hidden = objectStream(4, ["<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", "<< /S /JavaScript /JS (app.alert(1)) >>"]);
    expect(findPdfActiveContent(pdf(["<< /Type /Catalog /Pages 2 0 R >>"], PAGES, PAGE, hidden))).toEqual({ kind: "active", name: "/JavaScript" });
    const uri = objectStream(4, ["<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", "<< /S /URI /URI (https://tracker.example/) >>"]);
    expect(findPdfActiveContent(pdf(["<< /Type /Catalog /Pages 2 0 R >>"], PAGES, PAGE, uri))).toEqual({ kind: "active", name: "/OpenAction" });
    const padded = objectStream(4, ["<< /S /Launch /F (cmd.exe) >>"], " ".repeat(2_000_000));
    expect(findPdfActiveContent(pdf(catalog(), PAGES, PAGE, padded))).toEqual({ kind: "active", name: "/Launch" });
  });

  it("refuses what it cannot check: encrypted object streams, old encodings beside them, decompression bombs", () => {
    const objects = objectStream(5, ["<< /Type /Font >>"]);
    expect(findPdfActiveContent(pdf(catalog(), PAGES, PAGE, objects))).toBeUndefined();
    const encrypted = pdf(catalog(), PAGES, PAGE, objects, ["<< /Filter /Standard /V 2 >>"]);
    const withEncrypt = Buffer.concat([Buffer.from(encrypted), Buffer.from("trailer << /Root 1 0 R /Encrypt 5 0 R >>\n")]);
    expect(findPdfActiveContent(withEncrypt)).toMatchObject({ kind: "unchecked" });
    const ascii85 = pdf(catalog(), PAGES, PAGE, objects, stream("/Filter /ASCII85Decode", Buffer.from("87cURD]i,\"Ebo80~>")));
    expect(findPdfActiveContent(ascii85)).toMatchObject({ kind: "unchecked" });
    const bomb = stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflateSync(Buffer.concat([Buffer.from("4 0 "), Buffer.alloc(70 * 1024 * 1024, 0x20)])));
    expect(findPdfActiveContent(pdf(catalog(), PAGES, PAGE, bomb))).toEqual({ kind: "unchecked", reason: "object streams too large" });
  });

  it("does not mistake compressed image bytes for short keys", () => {
    // Bytes that spell /JS and /AA, as compressed data now and then does, without a value after them.
    const image = Buffer.concat([randomBytes(1000), Buffer.from("/JS \x93\x01/AA)\xff/EF 12"), randomBytes(1000)]);
    expect(findPdfActiveContent(pdf(catalog(), PAGES, PAGE, stream("/Type /XObject /Subtype /Image /Filter /DCTDecode", image)))).toBeUndefined();
  });

  it("checks 10 MB of compressed pages and images in well under a second", () => {
    const objects: Part[][] = [catalog(), PAGES, PAGE];
    for (let i = 0; i < 40; i++) objects.push(stream("/Type /XObject /Subtype /Image /Filter /DCTDecode", randomBytes(200_000)));
    for (let i = 0; i < 400; i++) {
      const page = Array.from({ length: 300 }, (_, k) => `1 0 0 1 72 ${k} Tm /F1 12 Tf (Line ${k} of page ${i}) Tj`).join("\n");
      objects.push(stream("/Filter /FlateDecode", deflateSync(page)));
    }
    const file = pdf(...objects);
    expect(file.byteLength).toBeGreaterThan(8_000_000);
    const times = [0, 1].map(() => {
      const started = performance.now();
      expect(findPdfActiveContent(file)).toBeUndefined();
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(1000);
  });
});
