import { readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { evidencePath } from "@/lib/server/evidence";
import { SAMPLE_EML, validCopyright, validSpam } from "@/lib/validation/fixtures";
import { jpegWithGps } from "./testing/images";
import { jsonRequest, multipartRequest } from "./testing/requests";

const submit = (body: unknown) => POST(jsonRequest("/api/v1/reports", body));

/** The EXIF tag 0x8825 points at the GPS block; look for it in either byte order. */
function hasGpsIfd(bytes: Uint8Array | undefined): boolean {
  const buffer = Buffer.from(bytes ?? []);
  return buffer.includes(Buffer.from([0x88, 0x25])) || buffer.includes(Buffer.from([0x25, 0x88]));
}

describe("evidence", () => {
  it("stores an image under its SHA-256 without EXIF or GPS, turned upright", async () => {
    const original = await jpegWithGps();
    const originalMeta = await sharp(original).metadata();
    expect(hasGpsIfd(originalMeta.exif)).toBe(true);
    expect(originalMeta.orientation).toBe(6);

    const response = await POST(multipartRequest(validSpam(), [{ name: "evidence", bytes: original, filename: "IMG_0001.JPG" }]));
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const [file] = await db.evidence.findMany({ where: { reportId: id } });
    expect(file).toMatchObject({ contentType: "image/jpeg", originalName: "IMG_0001.JPG", role: "evidence" });
    const stored = readFileSync(evidencePath(id, file.sha256));
    expect(file.size).toBe(stored.byteLength);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([32, 64]);
    expect(stored.includes(Buffer.from("Exif\0\0"))).toBe(false);
    expect(stored.includes(Buffer.from("TestPhone"))).toBe(false);
  });

  it("recognises an .eml by content and reads sender, date and links from it", async () => {
    const report = { ...validSpam(), channel: "email", sender: "alerts@secure-bank.example.com", recipient: undefined, content: undefined };
    const response = await POST(multipartRequest(report, [{ name: "evidence", bytes: SAMPLE_EML, filename: "phish.txt", type: "text/plain" }]));
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const row = await db.report.findUniqueOrThrow({ where: { id }, include: { evidence: true, targets: true } });
    expect(row.evidence[0].contentType).toBe("message/rfc822");
    expect(JSON.parse(row.details).email).toMatchObject({ from: "alerts@secure-bank.example.com", date: "2026-11-24T01:15:00.000Z" });
    expect(row.targets.map((t) => `${t.kind}:${t.value}`)).toContain("url:https://secure-bank.example.com.login.example.net/verify?id=9");
  });

  it("keeps a pasted rawEmail as a file, not in the details", async () => {
    const report = { ...validSpam(), channel: "email", sender: "alerts@secure-bank.example.com", recipient: undefined, content: undefined, rawEmail: SAMPLE_EML };
    const { id } = await (await submit(report)).json();
    const row = await db.report.findUniqueOrThrow({ where: { id }, include: { evidence: true } });
    expect(row.details).not.toContain("Dear customer");
    expect(row.evidence).toMatchObject([{ role: "raw-email", contentType: "message/rfc822" }]);
    expect(readFileSync(evidencePath(id, row.evidence[0].sha256), "utf8")).toBe(SAMPLE_EML);
  });

  it("accepts an agent's authorisation and a proof of ownership as files", async () => {
    const pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";
    const report = { ...validCopyright(), submitterRole: "agent", ownershipProof: undefined };
    const response = await POST(
      multipartRequest(report, [
        { name: "agentAuthorization", bytes: pdf, filename: "mandate.pdf" },
        { name: "ownershipProof", bytes: "Registration certificate 2024-F-00012345", filename: "proof.txt" },
      ]),
    );
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const files = await db.evidence.findMany({ where: { reportId: id }, orderBy: { role: "asc" } });
    expect(files.map((f) => [f.role, f.contentType])).toEqual([
      ["agent-authorization", "application/pdf"],
      ["ownership-proof", "text/plain"],
    ]);
  });
});
