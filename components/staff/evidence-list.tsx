import { getTranslations } from "next-intl/server";
import type { StaffReport } from "@/lib/server/moderation/report-detail";
import { downloadName } from "@/lib/validation/file-name";

/**
 * Evidence with its SHA-256. Image previews of harmful-info reports are greyscale and
 * blurred until a moderator reveals each one, and only then offer their download (audited by
 * the evidence route): a checkbox does it, so it needs no JavaScript.
 */
export async function EvidenceList({ report }: { report: StaffReport }) {
  const t = await getTranslations("review");
  if (report.evidence.length === 0) return <p className="muted">{t("noEvidence")}</p>;
  const blur = report.category === "harmful-info";
  return (
    <ul className="evidence">
      {report.evidence.map((file) => {
        const href = `/api/staff/evidence/${report.id}/${file.sha256}`;
        // As the download is saved: no bidi tricks (also in names stored before they were
        // removed at intake), and the extension of the type decided from the content.
        const name = downloadName(file.originalName, file.contentType);
        return (
          <li key={file.id}>
            {file.contentType.startsWith("image/") && (
              <div className={blur ? "thumb thumb--blurred" : "thumb"}>
                {blur && (
                  <label className="choice">
                    <input type="checkbox" className="reveal" /> {t("reveal")}
                  </label>
                )}
                {/* A plain img: the thumbnail comes from the signed-in evidence route, not an optimisable asset. */}
                <img src={`${href}?thumb=1`} alt={name} loading="lazy" />
              </div>
            )}
            <p>
              <a href={href} download className="evidence-download">
                {t("download")}: {name}
              </a>{" "}
              <span className="muted">
                ({file.contentType}, {Math.max(1, Math.round(file.size / 1024))} KB)
              </span>
            </p>
            <p className="sha">
              {t("sha")}: <code>{file.sha256}</code>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
