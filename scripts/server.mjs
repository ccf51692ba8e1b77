#!/usr/bin/env node
// The portal's HTTP server: Next's production request handler under our own node:http
// server, so that the portal, not the client, decides who the client is.
//
// Next's own server fills X-Forwarded-For from the socket only when the request has none,
// so a client that writes the header itself picks its own address and escapes every rate
// limit. Here the header is always replaced by the one address we trust:
//   TRUSTED_PROXY_HOPS=0 (default): the TCP peer; whatever the client sent is dropped;
//   TRUSTED_PROXY_HOPS=N: N reverse proxies in front each append the address they saw, so
//     the client is the N-th entry from the right; entries left of it are the client's own
//     words and are ignored.
// Served by `npm start` (start.mjs), the end-to-end tests and the fault tests alike.
import http from "node:http";
import path from "node:path";
import next from "next";
import { log, logConsoleAsJson } from "../lib/server/logger.mjs";
import { observeRequest } from "../lib/server/metrics.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.BIND_ADDRESS ?? "0.0.0.0";
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
  console.error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not ${JSON.stringify(process.env.TRUSTED_PROXY_HOPS)}.`);
  process.exit(1);
}

const METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);
/**
 * The largest form post to a page: 25 MB of evidence and the form (next.config.mjs lets
 * server actions and the proxy read 27 and 28 MB). A larger one is refused here; the proxy
 * would cut it short and the framework answer a 500.
 */
export const PAGE_BODY_LIMIT = 28 * 1024 * 1024;

/** Headers by which a client could claim another address, host or scheme. */
const PROXY_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/** The client's address, by the rule above. Exported for its unit test. */
export function clientOf(socketAddress, forwardedFor, trustedHops) {
  const peer = (socketAddress ?? "").replace(/^::ffff:/, "") || "unknown";
  if (trustedHops === 0) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies means a proxy did not append: the leftmost is then the
  // nearest thing to the client that a proxy wrote, never a value the client chose alone.
  const chosen = entries.length >= trustedHops ? entries[entries.length - trustedHops] : entries[0];
  return /^[0-9a-fA-F:.]{2,45}$/.test(chosen ?? "") ? chosen.replace(/^::ffff:/, "") : peer;
}

/**
 * Why a request is refused before Next sees it, or null. Each of these reached Next and
 * came back as a 500 or worse in an outside test:
 * - a request target that is not a path (`GET http://evil.example/queue`): Next redirected
 *   to that host;
 * - a path that does not decode (`/report/%ff`): a 500 from the dynamic routes;
 * - a form post to a page from another origin (`Origin: null`, `http://evil.example`):
 *   Next refuses the server action, but with a 500. The API under /api/ is for other
 *   sites and programs by design and keeps its own rules;
 * - a form post to a page larger than PAGE_BODY_LIMIT, by its Content-Length: a 413 with
 *   a plain answer (the API reads its bodies with limits of its own).
 */
export function refusalOf(req) {
  const target = req.url ?? "";
  if (!target.startsWith("/")) return { status: 400, text: "Bad request target." };
  const path = target.split("?")[0];
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, text: "Bad path encoding." };
  }
  // The report forms' own upload route (/api/forms/, sent by the page's script) follows the
  // pages' rules, not the API's.
  const pageForm = !path.startsWith("/api/") || path.startsWith("/api/forms/");
  if (req.method === "POST" && pageForm && req.headers.origin !== undefined) {
    const expected = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "").split(",")[0].trim().toLowerCase();
    let origin = null;
    try {
      origin = new URL(req.headers.origin).host.toLowerCase();
    } catch {
      // "null" (sandboxed frames, privacy redirects) or garbage: not this site
    }
    if (origin !== expected) return { status: 403, text: "Forms on this site can only be sent from this site." };
  }
  if (req.method === "POST" && pageForm && Number(req.headers["content-length"] ?? 0) > PAGE_BODY_LIMIT) {
    // 表单过大 — in both languages: the page that would say so cannot be shown for this post.
    return { status: 413, text: "This form is too large: evidence files may be 10 MB each and 25 MB in all. 表单过大：每个证据文件不超过 10 MB，合计不超过 25 MB。", close: Number(req.headers["content-length"]) > 2 * PAGE_BODY_LIMIT };
  }
  return null;
}

export function rewriteProxyHeaders(req, trustedHops) {
  const client = clientOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  if (trustedHops === 0) for (const name of PROXY_HEADERS) delete req.headers[name];
  req.headers["x-forwarded-for"] = client;
}

async function main() {
  // Next's own messages too: one JSON object per line, errors without their data.
  logConsoleAsJson();
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    // Every answer is counted for /metrics, by route template (never the path itself).
    const started = performance.now();
    res.once("finish", () => observeRequest(req.method ?? "", (req.url ?? "").split("?")[0], res.statusCode, (performance.now() - started) / 1000));
    // The portal answers GET, HEAD, POST (forms, server actions, the API) and OPTIONS;
    // anything else (TRACE, PUT, CONNECT…) is refused here, before the framework sees it
    // (Next answered TRACE on an API route with a 500).
    if (!METHODS.has(req.method ?? "")) {
      req.resume(); // the body is read and dropped, so the client gets to read the answer
      res.writeHead(405, { allow: [...METHODS].join(", "), "content-type": "text/plain; charset=utf-8" });
      res.end("Method not allowed.\n");
      return;
    }
    rewriteProxyHeaders(req, hops);
    const refusal = refusalOf(req);
    if (refusal) {
      // The body is read and dropped, so the client gets to read the answer; one far over
      // the limit is not worth reading, and the connection closes after the answer instead.
      if (refusal.close) res.once("finish", () => req.destroy());
      else req.resume();
      res.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...(refusal.close ? { connection: "close" } : {}) });
      res.end(`${refusal.text}\n`);
      return;
    }
    handle(req, res);
  });
  // A client that sends its headers a byte at a time must not hold a connection for long.
  server.headersTimeout = 20_000;
  server.requestTimeout = 300_000; // a 27 MB form upload on a slow phone link
  server.keepAliveTimeout = 5_000;
  server.on("error", (error) => {
    log.error({ code: error.code, port }, "the server cannot listen");
    process.exit(1);
  });
  server.listen(port, hostname, () => log.info({ port, trustedProxyHops: hops }, "ready"));

  // SIGTERM: stop accepting, let requests in flight finish (the API answers late arrivals
  // on kept-alive connections with 503 and Connection: close, lib/server/http.ts), close
  // idle connections as they appear, and exit when the last one is gone.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    globalThis.portalShuttingDown = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
