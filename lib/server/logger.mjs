// The portal's log: one JSON object per line on stdout (pino), so that no value, however
// it is spelt, can start a line of its own and pass for another event.
//
// What may be logged is decided here, once. Report contents and contact details never are:
// an error is reduced to its type, its codes and its stack frames. Its message is kept only
// for the JavaScript errors that code raises about itself (TypeError, RangeError,
// ReferenceError), because database and parser errors quote their input: a failed insert
// once printed the reporter's name, email and phone, and JSON.parse quotes the body.
// Plain JavaScript, with a .d.mts beside it, because the server entry (scripts/server.mjs)
// loads it without a TypeScript loader.
import pino from "pino";

export const log = pino({
  // LOG_LEVEL=warn keeps only security events and failures; the unit and integration tests run silent.
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
}, pino.destination({ fd: 1, sync: true }));

const SELF_DESCRIBING = new Set(["TypeError", "RangeError", "ReferenceError"]);

/** What of an error may be logged: see the top of this file. */
export function errorFields(error, depth = 0) {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = /** @type {Error & { code?: unknown; digest?: unknown; meta?: any; cause?: unknown }} */ (error);
  const fields = { type: e.constructor?.name || e.name || "Error" };
  if (typeof e.code === "string" || typeof e.code === "number") fields.code = e.code;
  if (typeof e.digest === "string") fields.digest = e.digest;
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string") fields.kind = kind;
  if (SELF_DESCRIBING.has(e.name)) fields.message = String(e.message).slice(0, 200);
  if (e.stack) {
    fields.stack = e.stack
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 12)
      .map((line) => line.trim());
  }
  if (e.cause !== undefined && depth < 2) fields.cause = errorFields(e.cause, depth + 1);
  return fields;
}

/**
 * Routes console output (Next's own messages included) through the log: each call becomes
 * one JSON line, strings as they are, errors reduced by errorFields.
 */
export function logConsoleAsJson() {
  const write = (level) => (...args) => {
    const errors = args.filter((a) => a instanceof Error).map((a) => errorFields(a));
    const text = args
      .filter((a) => !(a instanceof Error))
      .map((a) => (typeof a === "string" ? a : safeJson(a)))
      .join(" ")
      .slice(0, 2000);
    log[level]({ ...(errors.length ? { err: errors.length === 1 ? errors[0] : errors } : {}) }, text);
  };
  console.log = write("info");
  console.info = write("info");
  console.warn = write("warn");
  console.error = write("error");
}

function safeJson(value) {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
