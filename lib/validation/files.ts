import { z } from "zod";
import { unlessMissing } from "./issue-keys";

/** Limits from report-categories.md; the browser checks them too, the server decides. */
export const FILE_LIMITS = {
  maxFiles: 5,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 25 * 1024 * 1024,
} as const;

export const EVIDENCE_TYPES = [
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/pdf",
  "text/plain",
  "message/rfc822",
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const IMAGE_TYPES: readonly EvidenceType[] = ["image/png", "image/jpeg", "image/webp"];

/**
 * A file as the schema sees it: its name, size and type. On the server `type` is the type
 * decided from the content; in the browser it is the File's own type.
 */
export const fileMetaSchema = z.object({
  name: z.string().min(1).max(255),
  size: z.number().int().min(1, { error: "file_empty" }).max(FILE_LIMITS.maxFileBytes, {
    error: `file_too_large:${FILE_LIMITS.maxFileBytes / 1024 / 1024}`,
  }),
  type: z.enum(EVIDENCE_TYPES, { error: unlessMissing("file_type") }),
});
export type FileMeta = z.infer<typeof fileMetaSchema>;

export const evidenceListSchema = z
  .array(fileMetaSchema)
  .max(FILE_LIMITS.maxFiles, { error: `too_many_files:${FILE_LIMITS.maxFiles}` });

export function isImage(file: { type: string }): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(file.type);
}

/** The request-wide limits: at most 5 files and 25 MB across every file field. */
export function fileTotalsProblem(files: readonly { size: number }[]): string | undefined {
  if (files.length > FILE_LIMITS.maxFiles) return `too_many_files:${FILE_LIMITS.maxFiles}`;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > FILE_LIMITS.maxTotalBytes) {
    return `files_total_too_large:${FILE_LIMITS.maxTotalBytes / 1024 / 1024}`;
  }
  return undefined;
}
