/**
 * One load run of `npm run bench`, with autocannon: POSTs distinct report bodies
 * (bodies.ts) for a fixed time at a fixed concurrency and prints one JSON line with the
 * counts and the latency percentiles of every response. The orchestrator (scripts/bench.mjs)
 * runs it pinned to the core the server is not on.
 *
 *   node --import tsx scripts/bench/load.ts '{"url":"http://127.0.0.1:3250/api/v1/reports","mode":"single","connections":10,"seconds":20,"start":0}'
 */
import autocannon from "autocannon";
import { batchNumber, reportNumber } from "./bodies";

type Options = { url: string; mode: "single" | "batch"; connections: number; seconds: number; start: number; batchSize?: number; partnerKey?: string };

const options = JSON.parse(process.argv[2]) as Options;
const batchSize = options.batchSize ?? 100;
let n = options.start;
const nextBody = () => JSON.stringify(options.mode === "batch" ? batchNumber(n++, batchSize) : reportNumber(n++));

const latencies: number[] = [];
const statuses: Record<string, number> = {};

const instance = autocannon(
  {
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "accept-language": "en",
          ...(options.partnerKey ? { authorization: `Bearer ${options.partnerKey}` } : {}),
        },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] ?? null;
    const ok = Object.entries(statuses).reduce((sum, [code, count]) => sum + (code.startsWith("2") ? count : 0), 0);
    console.log(
      JSON.stringify({
        responses: latencies.length,
        ok,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        seconds: result.duration,
        reportsSent: options.mode === "batch" ? ok * batchSize : ok,
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        bodiesUsed: n - options.start,
      }),
    );
  },
);

instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
