import "server-only";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { targetsOf } from "@/lib/targets/extract";
import type { ExtractionJob, ExtractionOutcome, ExtractionReply } from "@/lib/targets/extract.worker";
import type { Report } from "@/lib/validation/report";
import { ApiError } from "./http";
import { log } from "./logger.mjs";

/** Spam text up to this length is searched on the request thread: a few milliseconds at worst. */
export const INLINE_MAX_CHARS = 500;
/** Emails from this size on queue in a lane of their own, so that short ones never wait behind them. */
export const LARGE_EML_BYTES = 256 * 1024;
/**
 * The worst allowed input takes seconds (README, "Hostile input"); a job still running after
 * this long means the machine is overloaded, and the client is told to come back later.
 */
const JOB_TIMEOUT_MS = 60_000;
const RETRY_AFTER_SEC = 30;
/** A worker that needs more than this for one report is stopped, not the server. */
const WORKER_HEAP_MB = 512;

const busy = () => new ApiError("unavailable", { retryAfterSec: RETRY_AFTER_SEC });

type Pending = {
  job: ExtractionJob;
  resolve: (outcome: ExtractionOutcome) => void;
  reject: (error: unknown) => void;
  timer?: NodeJS.Timeout;
};

let nextJobId = 1;

const WORKER_OPTIONS: WorkerOptions = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };

/**
 * Inside Next (NEXT_RUNTIME is set), Turbopack follows `new Worker("./…")`, resolved from the
 * project root, and builds the worker's entry with the server (the `new URL(…,
 * import.meta.url)` form would also publish the .ts source under /_next/static/media). Run
 * from TypeScript source (vitest, `node --import tsx`), the .ts entry is loaded through
 * tsx's API: Node 20 does not hand `--import` loaders to a worker before its entry.
 */
function startWorker(): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker("./lib/targets/extract.worker.ts", WORKER_OPTIONS);
  // Plain string work, not path.join or new URL: Next's bundler would copy the file it names
  // into the build, and into the public static folder.
  const entry = import.meta.url.replace(/\/server\/extraction\.ts$/, "/targets/extract.worker.ts");
  const boot = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(boot, { ...WORKER_OPTIONS, eval: true });
}

/**
 * One worker thread and its queue. Jobs run one at a time; a job that times out, or a
 * worker that dies (out of its heap, say), fails only its own request with 503, and the
 * next job starts a fresh worker.
 */
class Lane {
  private worker: Worker | undefined;
  private running: Pending | undefined;
  private readonly waiting: Pending[] = [];

  constructor(
    private readonly name: string,
    private readonly maxWaiting: number,
  ) {}

  run(report: Report, eml: Uint8Array | undefined): Promise<ExtractionOutcome> {
    if (this.waiting.length >= this.maxWaiting) {
      log.warn({ in: "extraction", lane: this.name }, "extraction queue full");
      return Promise.reject(busy());
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { id: nextJobId++, report, eml }, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.running) return;
    const pending = this.waiting.shift();
    // An idle worker must not keep a stopping process alive; a busy one must.
    if (!pending) return void this.worker?.unref();
    this.running = pending;
    const worker = this.worker ?? this.start();
    worker.ref();
    pending.timer = setTimeout(() => this.abandon("timeout"), JOB_TIMEOUT_MS);
    worker.postMessage(pending.job);
  }

  private start(): Worker {
    const worker = startWorker();
    worker.on("message", (reply: ExtractionReply) => this.settle(reply));
    worker.on("error", (error) => {
      log.error({ in: "extraction", lane: this.name, err: { type: error.name, code: (error as { code?: string }).code } }, "extraction worker failed");
      if (this.worker === worker) this.abandon("worker error");
    });
    worker.on("exit", () => {
      if (this.worker === worker) this.abandon("worker exit");
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: ExtractionReply): void {
    const pending = this.running;
    if (!pending || pending.job.id !== reply.id) return;
    clearTimeout(pending.timer);
    this.running = undefined;
    if ("outcome" in reply) pending.resolve(reply.outcome);
    else pending.reject(new Error(`target extraction failed (${reply.failed})`));
    this.next();
  }

  private abandon(reason: string): void {
    const pending = this.running;
    const worker = this.worker;
    this.running = undefined;
    this.worker = undefined;
    void worker?.terminate();
    if (pending) {
      clearTimeout(pending.timer);
      log.warn({ in: "extraction", lane: this.name, reason }, "extraction abandoned");
      pending.reject(busy());
    }
    this.next();
  }
}

const small = new Lane("small", 256);
const large = new Lane("large", 4);

/**
 * A report's target keys and, for a spam email, its header facts. Short reports are read on
 * the request thread; an email, or long spam text, goes to a worker thread, so that parsing
 * a 10 MB .eml never holds up other requests. Throws ApiError 503 when the worker is
 * overloaded.
 */
export async function extractTargets(report: Report, eml: Uint8Array | undefined): Promise<ExtractionOutcome> {
  const longText = report.category === "spam" && (report.content?.length ?? 0) > INLINE_MAX_CHARS;
  if (!eml && !longText) return { found: targetsOf(report) };
  return (eml && eml.byteLength >= LARGE_EML_BYTES ? large : small).run(report, eml);
}
