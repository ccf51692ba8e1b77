"use server";

import { headers } from "next/headers";
import { receiveReportForm, type ReportFormResult } from "../report-form";

export type { ReportReceipt } from "../report-form";
export type ReportFormState = ReportFormResult | null;

/**
 * The web forms' submission without JavaScript (and before the page has hydrated). With
 * JavaScript the form sends to app/api/forms/report instead, which reports upload progress;
 * both go through receiveReportForm (lib/server/report-form.ts).
 */
export async function submitReportAction(_previous: ReportFormState, form: FormData): Promise<ReportFormState> {
  return receiveReportForm(form, await headers());
}
