import type { Logger } from "pino";

/** The portal's JSON-lines log (logger.mjs). */
export const log: Logger;
export type ErrorFields = {
  type: string;
  code?: string | number;
  digest?: string;
  kind?: string;
  message?: string;
  stack?: string[];
  cause?: ErrorFields;
};
/** What of an error may be logged: its type, codes and stack frames, never its data. */
export function errorFields(error: unknown, depth?: number): ErrorFields;
/** Makes console.* write the same JSON lines, with errors reduced by errorFields. */
export function logConsoleAsJson(): void;
