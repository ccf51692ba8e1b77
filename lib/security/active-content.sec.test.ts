import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validCopyright, validSpam } from "@/lib/validation/fixtures";
import { postForm, spamFormEntries } from "./forms";
import { root, startPortal, type Portal } from "./harness";

/**
 * Issue #11, items 10 and 12. Web-page code in a text file was stored as text/plain when it
 * was not at the very start (an SVG after a comment, `<p><script>`, HTML after 1 KB); PDFs
 * with JavaScript run on opening were stored; a right-to-left override stayed in file
 * names; the SQLite database was created readable by every local account (0644).
 */
let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.stop());

const corpus = (name: string) => readFileSync(path.join(import.meta.dirname, "corpus", name));

type Upload = { name: string; bytes: Uint8Array; field?: string };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

async function submit(files: Upload[], report: object = validSpam(), language = "en") {
  const form = new FormData();
  form.append("report", JSON.stringify(report));
  for (const file of files) form.append(file.field ?? "evidence", new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${portal.base}/api/v1/reports`, { method: "POST", body: form, headers: { "accept-language": language } });
}

function query<T>(sql: string, ...params: string[]): T[] {
  const db = new Database(path.join(portal.dir, "portal.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const storedReports = () => query<{ n: number }>("SELECT count(*) AS n FROM Report")[0].n;
const evidenceFolders = () => readdirSync(path.join(portal.dir, "evidence")).length;

/** A PDF written by hand, with a correct cross-reference table, as a viewer would open it. */
function handMadePdf(objects: Array<string | Buffer[]>): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  let length = parts[0].length;
  const offsets: number[] = [];
  const add = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    add(Buffer.from(`${i + 1} 0 obj\n`));
    for (const part of typeof body === "string" ? [Buffer.from(body)] : body) add(part);
    add(Buffer.from("\nendobj\n"));
  });
  const xref = length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  add(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`));
  add(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";
const JS_ACTION = "<< /Type /Action /S /JavaScript /JS (app.alert('opened');) >>";

/** The catalog and its JavaScript action hidden in a compressed object stream (PDF 1.5). */
function hiddenInObjectStream(): Buffer {
  const objects = ["<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", JS_ACTION];
  const header = `4 0 5 ${objects[0].length + 1}\n`;
  const data = deflateSync(header + objects.join("\n"));
  const objStm = [Buffer.from(`<< /Type /ObjStm /N 2 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, Buffer.from("\nendstream")];
  return handMadePdf(["<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE, objStm]);
}

const PDF_ATTACKS: Array<[string, Buffer]> = [
  ["/OpenAction running /JavaScript", handMadePdf(["<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", PAGES, PAGE, JS_ACTION])],
  ["hex-escaped names (/J#61vaScript)", handMadePdf(["<< /Type /Catalog /Pages 2 0 R /Open#41ction 4 0 R >>", PAGES, PAGE, "<< /S /J#61vaScript /J#53 (app.alert(1)) >>"])],
  ["an action hidden in a compressed object stream", hiddenInObjectStream()],
  ["/Launch on opening", handMadePdf(["<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", PAGES, PAGE, "<< /S /Launch /F (cmd.exe) >>"])],
];

describe("active content in evidence", () => {
  it.each([
    ["an SVG after an XML comment", "svg-after-comment.txt"],
    ["<p><script>", "p-script.txt"],
    ["HTML after 1 KB of ordinary text", "html-after-1kb.txt"],
    ["an SVG with email headers after it", "svg-before-headers.txt"],
  ])("a text file with %s is refused with 415, naming the file, and nothing is stored", async (_, file) => {
    const [reports, folders] = [storedReports(), evidenceFolders()];
    const response = await submit([{ name: file, bytes: corpus(file) }]);
    expect(response.status).toBe(415);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toContain(`“${file}” contains web-page code`);
    expect(error.fields).toEqual({ evidence: [error.message] });
    expect([storedReports(), evidenceFolders()]).toEqual([reports, folders]);
  });

  it.each(PDF_ATTACKS)("a PDF with %s is refused with 415, naming the file, and nothing is stored", async (_, pdf) => {
    const [reports, folders] = [storedReports(), evidenceFolders()];
    const response = await submit([
      { name: "screenshot.png.txt", bytes: Buffer.from("An ordinary note.") },
      { name: "statement.pdf", bytes: pdf },
    ]);
    expect(response.status).toBe(415);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toMatch(/^“statement\.pdf” is a PDF with scripts, actions that run when it is opened/);
    expect([storedReports(), evidenceFolders()]).toEqual([reports, folders]);
  });

  it("says it in Chinese too, next to the field the file came in", async () => {
    const report = { ...validCopyright(), submitterRole: "agent", ownershipProof: "Registration certificate 2024-F-00012345" };
    const response = await submit([{ name: "授权书.pdf", bytes: PDF_ATTACKS[0][1], field: "agentAuthorization" }], report, "zh-CN");
    expect(response.status).toBe(415);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toMatch(/^“授权书\.pdf”是含有脚本/);
    expect(Object.keys(error.fields!)).toEqual(["agentAuthorization"]);
  });

  it("the web form without JavaScript says the same next to the file input, and stores nothing", async () => {
    const [reports, folders] = [storedReports(), evidenceFolders()];
    const file = new Blob([new Uint8Array(corpus("p-script.txt"))]);
    const response = await postForm(portal.base, "/report/spam", [...spamFormEntries(), ["evidence", file, "p-script.txt"]], { "accept-language": "en" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("“p-script.txt” contains web-page code");
    expect(html.includes('data-testid="receipt"'), "a receipt was issued").toBe(false);
    expect([storedReports(), evidenceFolders()]).toEqual([reports, folders]);
  });

  it("keeps accepting an email whose HTML part has a script: it is stored as message/rfc822", async () => {
    const report = { ...validSpam(), channel: "email", sender: "alerts@secure-bank.example.com", recipient: undefined, content: undefined };
    const response = await submit([{ name: "phish.eml", bytes: corpus("email-with-html.eml") }], report);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(query<{ contentType: string }>("SELECT contentType FROM Evidence WHERE reportId = ?", id)).toEqual([{ contentType: "message/rfc822" }]);
  });

  it("keeps a right-to-left override out of a stored file name", async () => {
    const response = await submit([{ name: "invoice\u202Egpj.exe.txt", bytes: Buffer.from("Order 2026-118, paid by bank transfer.") }]);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [row] = query<{ originalName: string }>("SELECT originalName FROM Evidence WHERE reportId = ?", id);
    expect(row.originalName).toBe("invoicegpj.exe.txt");
    expect(row.originalName).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });
});

describe("the SQLite database file", () => {
  const mode = (file: string) => statSync(file).mode & 0o777;

  it("of a freshly started portal, with its -wal and -shm files, is readable by the portal's user only", async () => {
    expect((await submit([])).status).toBe(201); // a write, so that the WAL is in use
    const file = path.join(portal.dir, "portal.db");
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
  });

  it("created 0644 by an earlier version is tightened by npm start's migration step", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "portal-mode-"));
    try {
      const file = path.join(dir, "portal.db");
      closeSync(openSync(file, "w", 0o644));
      chmodSync(file, 0o644);
      const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "migrate.mjs")], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `file:${file}` },
        encoding: "utf8",
      });
      expect(migrate.status, migrate.stderr).toBe(0);
      expect(mode(file)).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
