/**
 * The extraction worker (node:worker_threads): parses a reported email and reads a report's
 * target keys off the request thread, one job at a time. Started by lib/server/extraction.ts
 * through `new Worker("./lib/targets/extract.worker.ts")`, which Next's bundler follows, so
 * this file is built with the server.
 */
import { parentPort } from "node:worker_threads";
import type { Report } from "@/lib/validation/report";
import { readEmail, type EmailFacts, type EmailMessage } from "./email-message";
import { targetsOf, type ReportTargets } from "./extract";
import { installFastBlob } from "./fast-blob";

export type ExtractionJob = { id: number; report: Report; eml?: Uint8Array };
export type ExtractionOutcome = { email?: EmailFacts; found: ReportTargets };
export type ExtractionReply = { id: number; outcome: ExtractionOutcome } | { id: number; failed: string };

/** Reads a report's email (if any) and its target keys. */
async function extract(report: Report, eml: Uint8Array | undefined): Promise<ExtractionOutcome> {
  let message: EmailMessage | undefined;
  if (eml) {
    // postal-mime refuses some structures outright (more than 256 nested parts, 2 MB of
    // headers). The report is kept with its file; only the message's own targets are lost.
    message = await readEmail(eml).catch(() => undefined);
  }
  return { email: message?.facts, found: targetsOf(report, message) };
}

const port = parentPort;
if (!port) throw new Error("extract.worker.ts runs only as a worker thread");
installFastBlob();
port.on("message", (job: ExtractionJob) => {
  extract(job.report, job.eml).then(
    (outcome) => port.postMessage({ id: job.id, outcome } satisfies ExtractionReply),
    // Only the error's name: its message could quote the report.
    (error: unknown) => port.postMessage({ id: job.id, failed: error instanceof Error ? error.name : "Error" } satisfies ExtractionReply),
  );
});
