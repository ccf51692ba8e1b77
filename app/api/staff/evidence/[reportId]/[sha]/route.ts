import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { currentStaff } from "@/lib/server/auth/require-staff";
import { db } from "@/lib/server/db";
import { evidencePath } from "@/lib/server/evidence";
import { isRestricted } from "@/lib/moderation/restricted";
import { auditRestricted } from "@/lib/server/moderation/restricted-access";
import { downloadName } from "@/lib/validation/file-name";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ reportId: string; sha: string }> };

/**
 * Evidence for staff only. A download is always an attachment with nosniff, so no file can
 * run as a page here; `?thumb=1` gives a small re-encoded preview of an image instead.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const user = await currentStaff();
  if (!user || user.mustChangePassword) return new Response("Sign in first.", { status: 401 });
  const { reportId, sha } = await params;
  const file = await db.evidence.findFirst({ where: { reportId, sha256: sha }, include: { report: { select: { category: true, subtype: true } } } });
  if (!file) return new Response("Not found.", { status: 404 });
  const thumb = new URL(request.url).searchParams.get("thumb") === "1";
  // Restricted evidence (child abuse) only with the permission. Every download of harmful
  // information's evidence is audited.
  if (isRestricted(file.report) && !user.restrictedContent) return new Response("This evidence is restricted.", { status: 403 });
  if (!thumb && file.report.category === "harmful-info") {
    await auditRestricted(user.id, reportId, isRestricted(file.report) ? "download-restricted" : "download-harmful", { sha256: file.sha256 });
  }
  const bytes = await readFile(evidencePath(reportId, file.sha256));
  const common = { "x-content-type-options": "nosniff", "cache-control": "private, no-store" };
  if (thumb && file.contentType.startsWith("image/")) {
    const thumb = await sharp(bytes).resize(320, 320, { fit: "inside" }).webp({ quality: 70 }).toBuffer();
    return new Response(new Uint8Array(thumb), {
      headers: { ...common, "content-type": "image/webp", "content-security-policy": "default-src 'none'" },
    });
  }
  // Saved under the reporter's name with the extension of its real type, so that a text
  // called "x.html" opens as text on the moderator's computer.
  const name = downloadName(file.originalName, file.contentType);
  const fallback = `evidence-${file.sha256.slice(0, 12)}${name.slice(name.lastIndexOf("."))}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...common,
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
