import type { EvidenceType } from "./options";

/**
 * Characters that show nothing themselves but change what a name looks like or how it is
 * read: controls (C0, DEL, C1), format characters (among them the bidi embeddings,
 * overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F and
 * U+061C, zero-width spaces and joiners, the BOM and tag characters), lone surrogates and
 * the line and paragraph separators. A right-to-left override would make
 * "invoice\u202Egpj.exe" read as "invoiceexe.jpg".
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** The last path segment of a client's file name, without invisible characters; "file" if nothing is left. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // At most 255 UTF-16 units, without cutting a surrogate pair in half.
  const cleaned = base.replace(INVISIBLE, "").trim().slice(0, 255).replace(/[\uD800-\uDBFF]$/, "");
  return cleaned || "file";
}

const EXTENSIONS: Record<EvidenceType, readonly string[]> = {
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/webp": [".webp"],
  "application/pdf": [".pdf"],
  "text/plain": [".txt"],
  "message/rfc822": [".eml"],
};

/**
 * The name a piece of evidence is shown and saved under: the reporter's, cleaned, and ending
 * in the extension of the type decided from its content, so that a text called
 * "invoice.html" opens as text on a moderator's computer, never as a web page.
 */
export function downloadName(name: string, type: string): string {
  const clean = cleanFileName(name);
  const extensions = EXTENSIONS[type as EvidenceType] ?? [".bin"];
  return extensions.some((extension) => clean.toLowerCase().endsWith(extension)) ? clean : `${clean}${extensions[0]}`;
}
