import type { FieldErrors } from "./issue-keys";

/**
 * What every server action returns. Messages are keys ("validation.too_short:10",
 * "errors.rate_limited"), translated where they are shown, so the same result serves
 * both languages and the form shows server and browser errors alike.
 */
export type ActionResult<T, V = unknown> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors?: FieldErrors; formError?: string; values?: V };
