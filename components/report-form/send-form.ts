import type { ReportFormState } from "@/lib/server/actions/report";

export type Progress = { loaded: number; total: number };

export type Sending = {
  /** The form's result; undefined when the send was cancelled. */
  result: Promise<ReportFormState | undefined>;
  cancel: () => void;
};

/** Where the page sends the form with JavaScript (app/api/forms/report/route.ts). */
export const FORM_ENDPOINT = "/api/forms/report";

/**
 * Sends the report form with XMLHttpRequest, the one browser API that reports upload
 * progress, so that a photo on a slow connection shows how far it has got and can be
 * cancelled. A network failure comes back as the form's "could not send" error; the answers
 * and files stay on the page, and sending again with the same submission key cannot file
 * the report twice.
 */
export function sendForm(data: FormData, onProgress: (progress: Progress) => void, onUploaded: () => void): Sending {
  const xhr = new XMLHttpRequest();
  const result = new Promise<ReportFormState | undefined>((resolve) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as ReportFormState;
        resolve(body && typeof body === "object" && "ok" in body ? body : { ok: false, formError: "errors.send_failed" });
      } catch {
        resolve({ ok: false, formError: "errors.send_failed" });
      }
    };
    xhr.onerror = () => resolve({ ok: false, formError: "errors.send_failed" });
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => resolve(undefined);
  });
  xhr.open("POST", FORM_ENDPOINT);
  xhr.responseType = "text";
  xhr.send(data);
  return { result, cancel: () => xhr.abort() };
}

/** The files' share of a form: whether it is worth a progress bar. */
export function carriesFiles(data: FormData): boolean {
  for (const [, value] of data.entries()) if (typeof value !== "string" && value.size > 0) return true;
  return false;
}
