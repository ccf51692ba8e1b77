import type { Dispatch, SetStateAction } from "react";
import { placeFiles } from "@/lib/validation/file-places";
import type { FileMeta } from "@/lib/validation/files";
import { EVIDENCE_TYPES, fileTotalsProblem } from "@/lib/validation/options";

export type FileSlots = {
  evidence: File[];
  eml: File[];
  agentAuthorization: File[];
  ownershipProofFile: File[];
};
/** The chosen files and their setter, handed to each category's fields. */
export type FilesProps = { files: FileSlots; setFiles: Dispatch<SetStateAction<FileSlots>> };

export const NO_FILES: FileSlots = { evidence: [], eml: [], agentAuthorization: [], ownershipProofFile: [] };

export const ACCEPT = [...EVIDENCE_TYPES, ".eml", ".txt", ".pdf", ".png", ".jpg", ".jpeg", ".webp"].join(",");

const BY_EXTENSION: Record<string, FileMeta["type"]> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  pdf: "application/pdf",
  txt: "text/plain",
  eml: "message/rfc822",
};

/**
 * What the browser can tell of a file before sending it. The server decides the type
 * again from the content; this only catches the obvious mistakes early.
 */
export function metaOf(file: File): FileMeta {
  const known = (EVIDENCE_TYPES as readonly string[]).includes(file.type);
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  const type = known ? file.type : (BY_EXTENSION[extension] ?? file.type ?? "");
  return { name: file.name, size: file.size, type: type as FileMeta["type"] };
}

/** Puts the chosen files where the schema expects them, as the server will with the uploads. */
export function withFileFields(report: Record<string, unknown>, slots: FileSlots): Record<string, unknown> {
  return placeFiles(report, {
    evidence: [...slots.evidence, ...slots.eml].map(metaOf),
    agentAuthorization: slots.agentAuthorization[0] && metaOf(slots.agentAuthorization[0]),
    ownershipProof: slots.ownershipProofFile[0] && metaOf(slots.ownershipProofFile[0]),
  });
}

export function totalsProblem(slots: FileSlots): string | undefined {
  return fileTotalsProblem(Object.values(slots).flat());
}
