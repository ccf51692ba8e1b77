import "server-only";
import { createHash } from "node:crypto";
import { cleanFileName } from "@/lib/validation/file-name";
import { FILE_LIMITS } from "@/lib/validation/files";
import { ApiError } from "./http";

/** JSON bodies may carry a pasted .eml (`rawEmail`) of up to a million characters. */
const MAX_JSON_BYTES = 5 * 1024 * 1024;
/** Every file at its limit, plus room for the report part and multipart framing. */
const MAX_MULTIPART_BYTES = FILE_LIMITS.maxTotalBytes + 2 * 1024 * 1024;

export type FileRole = "evidence" | "agent-authorization" | "ownership-proof";

/** A file as uploaded, before its type is decided. */
export type UploadedFile = { role: FileRole; name: string; bytes: Uint8Array };

export type IntakeBody = {
  report: unknown;
  files: UploadedFile[];
  /** Identifies the request for Idempotency-Key: same report and same files, same hash. */
  requestHash: string;
};

const FILE_PARTS: Record<string, FileRole> = {
  evidence: "evidence",
  agentAuthorization: "agent-authorization",
  ownershipProof: "ownership-proof",
};

/** Reads at most `limit` bytes of the body; more is a 413, whatever Content-Length said. */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new ApiError("too_large");
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) throw await refuseRest(reader, total, limit);
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The 413 for a body that went past its limit. The rest is read and thrown away, up to as
 * much again, so that the client, still sending, gets to read its answer and the connection
 * stays usable; a body longer than that is cut off and its connection closed.
 */
async function refuseRest(reader: ReadableStreamDefaultReader<Uint8Array>, total: number, limit: number): Promise<ApiError> {
  let seen = total;
  while (seen <= 2 * limit) {
    const { done, value } = await reader.read();
    if (done) return new ApiError("too_large");
    seen += value.byteLength;
  }
  await reader.cancel();
  return new ApiError("too_large", { closeConnection: true });
}

export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError("bad_request");
  }
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** Reads `POST /api/v1/reports`: a JSON report, or multipart with a `report` part and files. */
export async function readIntakeBody(request: Request): Promise<IntakeBody> {
  // The multipart boundary is case-sensitive: keep the header as sent.
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.toLowerCase();
  if (mediaType.startsWith("application/json")) {
    const bytes = await readLimited(request, MAX_JSON_BYTES);
    return { report: parseJson(bytes), files: [], requestHash: sha256(bytes) };
  }
  if (!mediaType.startsWith("multipart/form-data")) throw new ApiError("unsupported_media_type");

  const bytes = await readLimited(request, MAX_MULTIPART_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ApiError("bad_request");
  }
  let reportText: string | undefined;
  const files: UploadedFile[] = [];
  let total = 0;
  for (const [name, value] of form.entries()) {
    if (name === "report") {
      if (reportText !== undefined) throw new ApiError("bad_request");
      reportText = typeof value === "string" ? value : await value.text();
      continue;
    }
    const role = FILE_PARTS[name];
    if (!role) throw new ApiError("bad_request");
    if (typeof value === "string") {
      // ownershipProof may be a text description, which belongs in the report itself.
      throw new ApiError("bad_request");
    }
    if (value.size > FILE_LIMITS.maxFileBytes) throw new ApiError("too_large");
    total += value.size;
    if (total > FILE_LIMITS.maxTotalBytes) throw new ApiError("too_large");
    files.push({ role, name: cleanName(value.name), bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  if (reportText === undefined) throw new ApiError("bad_request");
  const report = parseJson(new TextEncoder().encode(reportText));
  const requestHash = sha256(
    [sha256(reportText), ...files.map((f) => `${f.role}:${sha256(f.bytes)}`)].join("\n"),
  );
  return { report, files, requestHash };
}

/**
 * Reads a web form sent as multipart (app/api/forms/report), with the same limit as the API's
 * multipart intake and the server action's body limit.
 */
export async function readFormBody(request: Request): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new ApiError("unsupported_media_type");
  const bytes = await readLimited(request, MAX_MULTIPART_BYTES);
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ApiError("bad_request");
  }
}

/** A client's file name, cleaned as lib/validation/file-name.ts says; the forms use it too. */
export const cleanName = cleanFileName;
