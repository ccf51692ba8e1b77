"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/validation/action-result";
import { ApiError } from "../http";
import {
  addReporterMessage,
  lookupReceipt,
  lookupSchema,
  parseOr422,
  replySchema,
  withMinimumDuration,
  type ReceiptView,
} from "../receipt-lookup";
import { enforceRateLimit } from "../rate-limit";
import { failure } from "./errors";

/**
 * The receipt travels in the POST body and comes back in the page state, so it never lands
 * in a URL, a log line or the browser history.
 */
export type StatusView = ReceiptView & { receipt: string; open: boolean };
type StatusValues = { receipt?: string; body?: string; view?: StatusView };
export type StatusState = ActionResult<StatusView, StatusValues> | null;

async function view(receipt: string): Promise<StatusView> {
  const found = await withMinimumDuration(() => lookupReceipt(receipt));
  if (!found) throw new ApiError("not_found");
  return { ...found, receipt, open: found.acceptsMessages };
}

export async function lookupStatusAction(_previous: StatusState, form: FormData): Promise<StatusState> {
  const values = { receipt: String(form.get("receipt") ?? "") };
  try {
    await enforceRateLimit(await headers(), "lookup");
    const { receipt } = parseOr422(lookupSchema, values);
    return { ok: true, data: await view(receipt) };
  } catch (error) {
    return failure(error, values);
  }
}

export async function replyAction(_previous: StatusState, form: FormData): Promise<StatusState> {
  const values = { receipt: String(form.get("receipt") ?? ""), body: String(form.get("body") ?? "") };
  try {
    await enforceRateLimit(await headers(), "lookup");
    const { receipt, body } = parseOr422(replySchema, values);
    await addReporterMessage(receipt, body);
    return { ok: true, data: await view(receipt) };
  } catch (error) {
    // Keep showing the report beside the error, so the reporter can correct and resend.
    const current = await lookupReceipt(values.receipt).catch(() => undefined);
    const shown = current ? { ...current, receipt: values.receipt, open: current.acceptsMessages } : undefined;
    return failure<StatusValues>(error, { ...values, view: shown });
  }
}
