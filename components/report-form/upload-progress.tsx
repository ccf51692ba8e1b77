"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import type { Progress } from "./send-form";

/**
 * How far a report with files has got on its way to the server, with a way to stop it. The
 * bar carries the percentage for screen readers; the live line speaks only when the files
 * are all sent, not at every percent.
 */
export function UploadProgress({ progress, uploaded, onCancel }: { progress?: Progress; uploaded: boolean; onCancel: () => void }) {
  const t = useTranslations("form.upload");
  const format = useFormatter();
  const percent = uploaded ? 100 : progress ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  const mb = (bytes: number) => format.number(bytes / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div className="upload-progress">
      <label htmlFor="upload-progress">
        {progress && !uploaded ? t("progress", { percent, loaded: mb(progress.loaded), total: mb(progress.total) }) : t("starting")}
      </label>
      <progress id="upload-progress" max={100} value={percent} aria-valuetext={`${percent}%`} />
      <p role="status" className="muted">
        {uploaded ? t("saving") : ""}
      </p>
      {!uploaded && (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      )}
    </div>
  );
}
