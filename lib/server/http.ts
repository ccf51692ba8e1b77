import "server-only";
import { randomUUID } from "node:crypto";
import { format, messagesFor, negotiateLocale, translateIssue } from "@/lib/i18n";
import type { Locale } from "@/lib/validation/options";
import type { FieldErrors } from "@/lib/validation/issue-keys";
import { errorFields, log } from "./logger.mjs";
import { metrics } from "./metrics.mjs";

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "too_large"
  | "unsupported_media_type"
  | "validation"
  | "idempotency_mismatch"
  | "rate_limited"
  | "not_found"
  | "closed"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  idempotency_mismatch: 422,
  rate_limited: 429,
  not_found: 404,
  closed: 409,
  unavailable: 503,
  internal: 500,
};

/** An expected failure that ends a request with one of the documented error bodies. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: { fields?: FieldErrors; retryAfterSec?: number; closeConnection?: boolean } = {},
  ) {
    super(code);
  }
}

export function localeOf(request: Request): Locale {
  return negotiateLocale(request.headers.get("accept-language"));
}

const noStore = { "cache-control": "no-store" };

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...noStore, ...headers } });
}

/** The documented error body, `{ error: { code, message, fields? } }`, in the user's language. */
export function errorBody(error: ApiError, locale: Locale) {
  const { fields } = error.options;
  const translatedFields = fields
    ? Object.fromEntries(
        Object.entries(fields).map(([path, keys]) => [path, keys.map((k) => translateIssue(k, locale))]),
      )
    : undefined;
  // A refused file says itself which file it was and why (lib/server/evidence.ts).
  const named = error.code === "unsupported_media_type" && translatedFields ? Object.values(translatedFields).flat() : [];
  return {
    error: {
      code: error.code,
      message: named.length > 0 ? named.join(" ") : messagesFor(locale).errors[error.code],
      ...(translatedFields ? { fields: translatedFields } : {}),
    },
  };
}

/** The HTTP status of an expected failure. */
export const statusOf = (error: ApiError): number => STATUS[error.code];

export function errorResponse(error: ApiError, locale: Locale): Response {
  const { retryAfterSec } = error.options;
  const body = errorBody(error, locale);
  const headers: Record<string, string> = retryAfterSec ? { "retry-after": String(retryAfterSec) } : {};
  // The rest of the body was left unread: the connection cannot carry another request.
  if (error.options.closeConnection) headers.connection = "close";
  // RFC 6750: a 401 names the scheme the client must use.
  if (error.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="partners"';
  return jsonResponse(STATUS[error.code], body, headers);
}

/**
 * Wraps a route handler: expected failures become their documented error body; anything
 * else is logged with a reference and answered with a generic 500, never a stack trace.
 */
export function handle(run: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const locale = localeOf(request);
    if ((globalThis as { portalShuttingDown?: boolean }).portalShuttingDown) {
      const response = errorResponse(new ApiError("unavailable", { retryAfterSec: 5 }), locale);
      response.headers.set("connection", "close");
      return response;
    }
    try {
      return await run(request);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error, locale);
      // The client went away mid-request (its body broke off): nobody reads an answer.
      if (request.signal?.aborted) return new Response(null, { status: 499 });
      if (isDatabaseUnavailable(error)) {
        metrics.databaseErrors.inc();
        log.error({ err: errorFields(error), route: new URL(request.url).pathname }, "database unavailable");
        return errorResponse(new ApiError("unavailable", { retryAfterSec: 30 }), locale);
      }
      const ref = randomUUID();
      log.error({ ref, method: request.method, route: new URL(request.url).pathname, err: errorFields(error) }, "unexpected failure");
      return jsonResponse(500, {
        error: { code: "internal", message: format(messagesFor(locale).errors.internal, { ref }) },
      });
    }
  };
}

/**
 * Whether a failure means the database cannot be reached right now (locked SQLite file,
 * PostgreSQL down or restarting), as opposed to a bug: the caller answers 503 and the
 * client may retry; nothing was written.
 */
const UNREACHABLE_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { message?: string; code?: string; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  // Raw queries report the driver's failure as P2010 with its kind.
  if (UNREACHABLE_KINDS.has(e?.meta?.driverAdapterError?.cause?.kind ?? "")) return true;
  const text = `${String(e?.message ?? error)} ${e?.code ?? ""} ${e?.cause ? String((e.cause as { message?: string }).message ?? e.cause) : ""}`;
  return /SQLITE_BUSY|SQLITE_CANTOPEN|database is locked|unable to open database|ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|Server has closed the connection|Can't reach database|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|\bP1001\b|\bP1017\b/i.test(text);
}
