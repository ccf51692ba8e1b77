import "server-only";
import { createHash } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { EvidenceType } from "@/lib/validation/files";
import { looksLikeEmail } from "@/lib/targets/email-message";
import { getEnv } from "./env";
import { ApiError } from "./http";
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
/** Markup that a browser would run or render if the file were ever opened inline. */
const ACTIVE_MARKUP = /^\s*(<!doctype\s+html|<html|<head|<body|<script|<svg|<\?xml|<iframe|<object|<embed)/i;
/** Decompression-bomb guard: 40 megapixels covers any phone screenshot or photo. */
const MAX_PIXELS = 40_000_000;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Decides a file's type from its content (magic bytes via file-type; UTF-8 text, then an
 * email parse, for the text types) and re-encodes images without EXIF or GPS metadata,
 * applying their orientation first. Anything else is 415.
 */
export async function acceptFile(file: UploadedFile): Promise<AcceptedFile> {
  const detected = await fileTypeFromBuffer(file.bytes);
  let type: EvidenceType;
  let bytes = file.bytes;
  if (detected) {
    if (!BINARY_TYPES.has(detected.mime)) throw new ApiError("unsupported_media_type");
    type = detected.mime as EvidenceType;
    if (type in IMAGE_FORMAT) bytes = await stripImage(bytes, type as keyof typeof IMAGE_FORMAT);
  } else {
    if (BINARY_EXTENSIONS.test(file.name)) throw new ApiError("unsupported_media_type");
    const text = decodeText(file.bytes);
    if (text === undefined || ACTIVE_MARKUP.test(text.slice(0, 1024))) {
      throw new ApiError("unsupported_media_type");
    }
    type = (await looksLikeEmail(file.bytes)) ? "message/rfc822" : "text/plain";
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

async function stripImage(bytes: Uint8Array, type: keyof typeof IMAGE_FORMAT): Promise<Uint8Array> {
  try {
    // sharp writes no metadata unless asked to; rotate() bakes the EXIF orientation in.
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate();
    const out =
      type === "image/jpeg"
        ? image.jpeg({ quality: 92 })
        : type === "image/webp"
          ? image.webp({ quality: 90 })
          : image.png();
    return new Uint8Array(await out.toBuffer());
  } catch {
    throw new ApiError("unsupported_media_type");
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
  await mkdir(dir, { recursive: true });
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
