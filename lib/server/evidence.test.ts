import { describe, expect, it } from "vitest";
import { translateIssue } from "@/lib/i18n";
import { SAMPLE_EML } from "@/lib/validation/fixtures";
import { failure } from "./actions/errors";
import { acceptFile } from "./evidence";
import { ApiError, errorBody } from "./http";
import type { FileRole } from "./request-body";

const upload = (name: string, content: string | Uint8Array, role: FileRole = "evidence") => ({
  role,
  name,
  bytes: typeof content === "string" ? new TextEncoder().encode(content) : content,
});

async function refusal(name: string, content: string | Uint8Array, role?: FileRole): Promise<ApiError> {
  const error = await acceptFile(upload(name, content, role)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const PDF_WITH_JS = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

describe("accepting a file", () => {
  it("refuses web-page code anywhere in a text, naming the file", async () => {
    const late = `${"An ordinary line of a chat log.\n".repeat(100)}<p><script>alert(1)</script>`;
    const error = await refusal("chat.txt", late);
    expect(error.code).toBe("unsupported_media_type");
    expect(error.options.fields).toEqual({ evidence: ["file_active_markup:chat.txt"] });
  });

  it("keeps a text that only mentions addresses and links, and an email with HTML", async () => {
    const text = await acceptFile(upload("log.txt", "<Alice> see <https://example.org/?a=1&b=2> and <bob@example.org>"));
    expect(text.type).toBe("text/plain");
    const html = SAMPLE_EML.replace("text/plain", "text/html").replace("Dear customer", "<html><body><script>x()</script>Dear customer");
    expect(html).toContain("text/html; charset=utf-8\r\n\r\n<html><body><script>");
    expect((await acceptFile(upload("phish.eml", html))).type).toBe("message/rfc822");
  });

  it("does not take markup with email headers after it for an email", async () => {
    const error = await refusal("x.eml", `<svg onload="alert(1)"/>\n${SAMPLE_EML}`);
    expect(error.options.fields).toEqual({ evidence: ["file_active_markup:x.eml"] });
  });

  it("refuses a PDF that runs JavaScript, next to the field it came in", async () => {
    const error = await refusal("mandate.pdf", PDF_WITH_JS, "agent-authorization");
    expect(error.options.fields).toEqual({ agentAuthorization: ["file_pdf_active:mandate.pdf"] });
    const plain = "%PDF-1.4\n1 0 obj<< /Type /Catalog /OpenAction [3 0 R /Fit] >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF";
    expect((await acceptFile(upload("mandate.pdf", plain))).type).toBe("application/pdf");
  });

  it("says which file and why, in both languages, in the API's message and the form's field", async () => {
    const error = await refusal("a:b.pdf", PDF_WITH_JS, "ownership-proof");
    expect(errorBody(error, "en").error.message).toMatch(/^“a:b\.pdf” is a PDF with scripts/);
    expect(errorBody(error, "zh-CN").error.message).toMatch(/^“a:b\.pdf”是含有脚本/);
    expect(translateIssue("file_unsupported:photo.png", "en")).toMatch(/^“photo\.png” is not a PNG/);
    expect(failure(error)).toMatchObject({ ok: false, fieldErrors: { ownershipProofFile: ["file_pdf_active:a:b.pdf"] } });
  });
});
