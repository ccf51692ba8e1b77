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

export function multipartRequest(report: unknown, parts: Part[], headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.append("report", typeof report === "string" ? report : JSON.stringify(report));
  for (const part of parts) {
    form.append(part.name, new Blob([part.bytes as BlobPart], { type: part.type ?? "application/octet-stream" }), part.filename);
  }
  return new Request("http://localhost/api/v1/reports", {
    method: "POST",
    headers: { "x-forwarded-for": `10.1.0.${++client % 250}`, ...headers },
    body: form,
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
