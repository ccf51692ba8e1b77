import { z } from "zod";
import { unlessMissing } from "./issue-keys";
import { EVIDENCE_TYPES, FILE_LIMITS } from "./options";

export { EVIDENCE_TYPES, FILE_LIMITS, fileTotalsProblem, IMAGE_TYPES, isImage, type EvidenceType } from "./options";

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

