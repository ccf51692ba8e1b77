import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";

let client = 0;

/** A JSON request from its own client address, so rate limits do not interfere. */
export function jsonRequest(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.${++client % 250}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export type Part = { name: string; bytes: Uint8Array | string; filename: string; type?: string };

/**
 * Encodes multipart/form-data by hand, with a mixed-case boundary as browsers and
 * Playwright send it: the boundary is case-sensitive.
 */
export function multipartRequest(report: unknown, parts: Part[], headers: Record<string, string> = {}): Request {
  const boundary = `----PortalTestBoundary${Math.random().toString(36).slice(2)}XyZ`;
  const chunks: Uint8Array[] = [];
  const text = (value: string) => chunks.push(new TextEncoder().encode(value));
  text(`--${boundary}\r\ncontent-disposition: form-data; name="report"\r\n\r\n`);
  text(typeof report === "string" ? report : JSON.stringify(report));
  for (const part of parts) {
    text(`\r\n--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n`);
    text(`content-type: ${part.type ?? "application/octet-stream"}\r\n\r\n`);
    chunks.push(typeof part.bytes === "string" ? new TextEncoder().encode(part.bytes) : part.bytes);
  }
  text(`\r\n--${boundary}--\r\n`);
  return new Request("http://localhost/api/v1/reports", {
    method: "POST",
    headers: {
      "x-forwarded-for": `10.1.0.${++client % 250}`,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      ...headers,
    },
    body: Buffer.concat(chunks),
  });
}

/** Every row count that a failed submission must leave unchanged, and the files on disk. */
export async function snapshot() {
  const [reports, evidence, targets, events, idempotency] = await Promise.all([
    db.report.count(),
    db.evidence.count(),
    db.targetKey.count(),
    db.statusEvent.count(),
    db.idempotencyRecord.count(),
  ]);
  return { reports, evidence, targets, events, idempotency, files: filesUnder(getEnv().evidenceDir) };
}

function filesUnder(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    count += entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : 1;
  }
  return count;
}
