import { describe, expect, it } from "vitest";
import { cleanFileName, downloadName } from "./file-name";

describe("file names", () => {
  it("removes bidi controls, so a right-to-left override cannot disguise an extension", () => {
    expect(cleanFileName("invoice\u202Egpj.exe.txt")).toBe("invoicegpj.exe.txt");
    const bidi = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
    expect(cleanFileName(`a${bidi.join("")}b.pdf`)).toBe("ab.pdf");
  });

  it("removes other invisible characters and keeps the last path segment", () => {
    expect(cleanFileName("C:\\Users\\me\\re\u200Bport\uFEFF.pdf")).toBe("report.pdf");
    expect(cleanFileName("../../etc/pass\u0000wd\u0085\u2028")).toBe("passwd");
    expect(cleanFileName("\u202E\u200B")).toBe("file");
  });

  it("keeps ordinary names in any script, up to 255 units without splitting a character", () => {
    expect(cleanFileName("举报截图 (1).png")).toBe("举报截图 (1).png");
    expect(cleanFileName("لقطة شاشة.png")).toBe("لقطة شاشة.png");
    const long = cleanFileName(`${"a".repeat(254)}😀😀`);
    expect(long).toBe("a".repeat(254));
  });

  it("downloads a file under the extension of its real type", () => {
    expect(downloadName("invoice.html", "text/plain")).toBe("invoice.html.txt");
    expect(downloadName("phish.txt", "message/rfc822")).toBe("phish.txt.eml");
    expect(downloadName("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(downloadName("scan.pdf", "application/pdf")).toBe("scan.pdf");
    expect(downloadName("invoice\u202Egpj.exe", "text/plain")).toBe("invoicegpj.exe.txt");
  });
});
