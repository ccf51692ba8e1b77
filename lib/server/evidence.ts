import "server-only";
import { createHash } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { EvidenceType } from "@/lib/validation/files";
import { looksLikeEmail } from "@/lib/targets/email-message";
import { findActiveMarkup } from "./active-markup";
import { getEnv } from "./env";
import { ApiError } from "./http";
import { findPdfActiveContent } from "./pdf-active";
import type { FileRole, UploadedFile } from "./request-body";

/** A file whose type is decided and whose bytes are ready to store. */
export type AcceptedFile = {
  role: FileRole | "raw-email";
  name: string;
  type: EvidenceType;
  bytes: Uint8Array;
  sha256: string;
  size: number;
};

const BINARY_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "application/pdf"]);
const IMAGE_FORMAT = { "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as const;
/** Names that promise a binary type; content that is something else is a disguise. */
const BINARY_EXTENSIONS = /\.(png|jpe?g|webp|pdf|gif|bmp|tiff?)$/i;
/** Decompression-bomb guard: 40 megapixels covers any phone screenshot or photo. */
const MAX_PIXELS = 40_000_000;
/**
 * An email starts with a header field, or an mbox "From " line and then one. postal-mime
 * alone also finds a message after a first line of anything, such as an SVG's opening tag.
 */
const EMAIL_START = /^(?:From [^\r\n]*\r?\n)?[\x21-\x39\x3b-\x7e]+:/;
/** The field a file came in, as the API and the schema name it. */
const FIELD_OF_ROLE: Record<FileRole, string> = {
  evidence: "evidence",
  "agent-authorization": "agentAuthorization",
  "ownership-proof": "ownershipProof",
};

/** Why a file is refused; each is a message that names the file (lib/i18n, validation). */
type Refusal = "file_unsupported" | "file_active_markup" | "file_pdf_active" | "file_pdf_unchecked";

/** A 415 whose message names the file and says why, next to the field it came in. */
function refused(file: UploadedFile, reason: Refusal): ApiError {
  return new ApiError("unsupported_media_type", { fields: { [FIELD_OF_ROLE[file.role]]: [`${reason}:${file.name}`] } });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Decides a file's type from its content (magic bytes via file-type; UTF-8 text, then an
 * email parse, for the text types) and re-encodes images without EXIF or GPS metadata,
 * applying their orientation first. A PDF that could run or launch anything, and a text
 * that a browser would take for more than text (active-markup.ts), are refused like any
 * other type that is not accepted: 415, naming the file. An email keeps its HTML parts:
 * it is stored as message/rfc822 and only ever downloaded as an .eml attachment.
 */
export async function acceptFile(file: UploadedFile): Promise<AcceptedFile> {
  const detected = await fileTypeFromBuffer(file.bytes);
  let type: EvidenceType;
  let bytes = file.bytes;
  if (detected) {
    if (!BINARY_TYPES.has(detected.mime)) throw refused(file, "file_unsupported");
    type = detected.mime as EvidenceType;
    if (type === "application/pdf") {
      const finding = findPdfActiveContent(bytes);
      if (finding) throw refused(file, finding.kind === "active" ? "file_pdf_active" : "file_pdf_unchecked");
    }
    if (type in IMAGE_FORMAT) bytes = await stripImage(file, type as keyof typeof IMAGE_FORMAT);
  } else {
    if (BINARY_EXTENSIONS.test(file.name)) throw refused(file, "file_unsupported");
    const text = decodeText(file.bytes);
    if (text === undefined) throw refused(file, "file_unsupported");
    if (EMAIL_START.test(text) && (await looksLikeEmail(file.bytes))) {
      type = "message/rfc822";
    } else {
      if (findActiveMarkup(text)) throw refused(file, "file_active_markup");
      type = "text/plain";
    }
  }
  return { role: file.role, name: file.name, type, bytes, sha256: sha256(bytes), size: bytes.byteLength };
}

/** A pasted email (`rawEmail`) is kept as a file like an uploaded one. */
export function rawEmailFile(raw: string): AcceptedFile {
  const bytes = new TextEncoder().encode(raw);
  return { role: "raw-email", name: "message.eml", type: "message/rfc822", bytes, sha256: sha256(bytes), size: bytes.byteLength };
}

function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

async function stripImage(file: UploadedFile, type: keyof typeof IMAGE_FORMAT): Promise<Uint8Array> {
  try {
    // sharp writes no metadata unless asked to; rotate() bakes the EXIF orientation in.
    const image = sharp(file.bytes, { limitInputPixels: MAX_PIXELS }).rotate();
    const out =
      type === "image/jpeg"
        ? image.jpeg({ quality: 92 })
        : type === "image/webp"
          ? image.webp({ quality: 90 })
          : image.png();
    return new Uint8Array(await out.toBuffer());
  } catch {
    throw refused(file, "file_unsupported");
  }
}

export function reportDir(reportId: string): string {
  return path.join(getEnv().evidenceDir, reportId);
}

/**
 * Writes a report's files to EVIDENCE_DIR/<reportId>/<sha256>, each through a temporary
 * name, fsync and rename, so a crash never leaves a half-written file under its final
 * name. The caller removes the folder if the report is not committed.
 */
export async function writeReportFiles(reportId: string, files: readonly AcceptedFile[]): Promise<void> {
  if (files.length === 0) return;
  const dir = reportDir(reportId);
  // Only the portal's own user may list the folders, as only it may read the files.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const file of files) {
    const final = path.join(dir, file.sha256);
    const temp = `${final}.part`;
    const handle = await open(temp, "w", 0o600);
    try {
      await handle.writeFile(file.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, final);
  }
  const dirHandle = await open(dir, "r");
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

export async function removeReportFiles(reportId: string): Promise<void> {
  await rm(reportDir(reportId), { recursive: true, force: true });
}

export function evidencePath(reportId: string, sha: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error("not a SHA-256");
  return path.join(reportDir(reportId), sha);
}

/**
 * Removes report folders that no committed report owns: what a crash between writing the
 * files and committing the report leaves behind. Folders younger than `graceMs` may belong
 * to a request still in flight on another instance, so they are left alone.
 */
export async function sweepOrphanFiles(
  reportExists: (ids: string[]) => Promise<Set<string>>,
  graceMs: number,
): Promise<number> {
  const root = getEnv().evidenceDir;
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return 0;
  }
  const existing = await reportExists(entries);
  let removed = 0;
  for (const entry of entries) {
    if (existing.has(entry)) continue;
    const info = await stat(path.join(root, entry)).catch(() => undefined);
    if (!info?.isDirectory() || Date.now() - info.mtimeMs < graceMs) continue;
    await rm(path.join(root, entry), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
