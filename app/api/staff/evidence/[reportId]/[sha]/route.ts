import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { currentStaff } from "@/lib/server/auth/require-staff";
import { db } from "@/lib/server/db";
import { evidencePath } from "@/lib/server/evidence";
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
  const file = await db.evidence.findFirst({ where: { reportId, sha256: sha } });
  if (!file) return new Response("Not found.", { status: 404 });
  const bytes = await readFile(evidencePath(reportId, file.sha256));
  const common = { "x-content-type-options": "nosniff", "cache-control": "private, no-store" };
  if (new URL(request.url).searchParams.get("thumb") === "1" && file.contentType.startsWith("image/")) {
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
