/**
 * The machine's limit for `npm run bench`: plain `node:http`, no framework, no ORM. It
 * parses and validates the JSON with the portal's own code (`validateReport`: the same zod
 * schemas, target extraction and receipt), and writes the rows the portal writes (Report,
 * its target keys, its first status event, the same-target count and bump) with
 * better-sqlite3 into a database migrated like the portal's: same indexes, same triggers,
 * same pragmas. Batches need a partner key, looked up by its hash, and count the partner's
 * use of the day, as the portal does. What it leaves out is what the portal adds on top:
 * Next.js, Prisma and the rate limiter.
 *
 *   PORT=3250 DATABASE_URL=file:… node --conditions=react-server --import tsx scripts/bench/limit-server.ts
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Database from "better-sqlite3";
import { dayOf } from "@/lib/stats/days";
import { negotiateLocale } from "@/lib/i18n";
import { SQLITE_PRAGMAS } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { ApiError, errorBody } from "@/lib/server/http";
import { hashPartnerKey } from "@/lib/server/partners";
import { reportRow, type PreparedReport, type SubmittedReport } from "@/lib/server/report-writer";
import { validateReport, withFiles } from "@/lib/server/submit-report";
import { BATCH_MAX } from "@/lib/server/submit-batch";

const sqlite = new Database(getEnv().databasePath!, { timeout: 5000 });
sqlite.exec(SQLITE_PRAGMAS);

const iso = (date: Date) => date.toISOString().replace("Z", "+00:00"); // as Prisma's adapter stores it

/** The intake's own Report row (reportRow), as better-sqlite3 takes it: dates as Prisma stores them, booleans as 0/1. */
let insertReportRow: Database.Statement | undefined;
function insertReportValues(row: ReturnType<typeof reportRow>) {
  const columns = Object.keys(row) as (keyof typeof row)[];
  insertReportRow ??= sqlite.prepare(`INSERT INTO "Report" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  insertReportRow.run(...columns.map((c) => {
    const value = row[c];
    return value instanceof Date ? iso(value) : typeof value === "boolean" ? Number(value) : value;
  }));
}
const insertTarget = sqlite.prepare(`INSERT INTO "TargetKey" (id, reportId, kind, value, createdAt, receivedDay, category)
  VALUES (?, ?, ?, ?, ?, ?, ?)`);
const findPartner = sqlite.prepare(`SELECT id, revokedAt FROM "Partner" WHERE keyHash = ?`);
const countUse = sqlite.prepare(`INSERT INTO "PartnerUsage" (partnerId, day, requests, reports, lastAt) VALUES (?, ?, 1, ?, ?)
  ON CONFLICT (partnerId, day) DO UPDATE SET requests = requests + 1, reports = reports + excluded.reports, lastAt = excluded.lastAt`);
const insertEvent = sqlite.prepare(`INSERT INTO "StatusEvent" (id, reportId, status, at, overturned) VALUES (?, ?, 'received', ?, 0)`);

/** The statements over n target keys, as Prisma's `targets: { some: { OR } }` reads them. */
const byTargetCount = new Map<number, { count: Database.Statement; bump: Database.Statement }>();
function targetStatements(n: number) {
  let statements = byTargetCount.get(n);
  if (!statements) {
    const any = Array.from({ length: n }, () => `(kind = ? AND value = ?)`).join(" OR ");
    const ids = `SELECT reportId FROM "TargetKey" WHERE ${any}`;
    statements = {
      count: sqlite.prepare(`SELECT COUNT(*) AS n FROM "Report" WHERE submittedAt < ? AND id IN (${ids})`),
      bump: sqlite.prepare(`UPDATE "Report" SET targetCount = targetCount + 1, updatedAt = ? WHERE id <> ? AND isOpen = 1 AND id IN (${ids})`),
    };
    byTargetCount.set(n, statements);
  }
  return statements;
}

/** insertReport (report-writer.ts) in SQL: the same rows, inside the caller's transaction. */
function insert(p: PreparedReport, partnerId: string | null = null): SubmittedReport {
  const { id, report, submittedAt, expectedBy, targets } = p;
  const at = iso(submittedAt);
  const day = dayOf(submittedAt);
  const keys = targets.flatMap((t) => [t.kind, t.value]);
  const statements = targets.length > 0 ? targetStatements(targets.length) : undefined;
  const sameTargetCount = statements ? Number((statements.count.get(iso(new Date(submittedAt.getTime() + 1)), ...keys) as { n: number | bigint }).n) : 0;
  insertReportValues(reportRow(p, sameTargetCount, partnerId));
  for (const t of targets) insertTarget.run(randomUUID(), id, t.kind, t.value, at, day, report.category);
  insertEvent.run(randomUUID(), id, at);
  if (statements && sameTargetCount > 0) statements.bump.run(at, id, ...keys);
  return { id, receipt: p.receipt, status: "received", category: report.category, submittedAt: submittedAt.toISOString(), expectedBy: expectedBy.toISOString(), sameTargetCount };
}

const insertOne = sqlite.transaction((report: PreparedReport) => insert(report));
const insertMany = sqlite.transaction((reports: PreparedReport[], partnerId: string) => {
  const stored = reports.map((report) => insert(report, partnerId));
  const now = new Date();
  countUse.run(partnerId, dayOf(now), stored.length, iso(now));
  return stored;
});

/** The partner of `Authorization: Bearer <key>`, as partners.ts finds it: by the key's hash. */
function partnerOf(request: IncomingMessage): string {
  const key = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  const partner = key ? (findPartner.get(hashPartnerKey(key)) as { id: string; revokedAt: string | null } | undefined) : undefined;
  if (!partner) throw new ApiError("unauthorized");
  if (partner.revokedAt) throw new ApiError("forbidden");
  return partner.id;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ApiError("bad_request");
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

async function single(request: IncomingMessage): Promise<[number, unknown]> {
  const prepared = await validateReport(withFiles(await readJson(request), []), []);
  return [201, insertOne(prepared)];
}

async function batch(request: IncomingMessage, locale: ReturnType<typeof negotiateLocale>): Promise<[number, unknown]> {
  const partnerId = partnerOf(request);
  const body = await readJson(request);
  const reports = (body as { reports?: unknown })?.reports;
  if (!Array.isArray(reports) || reports.length < 1 || reports.length > BATCH_MAX) {
    throw new ApiError("validation", { fields: { reports: ["invalid"] } });
  }
  const items: (PreparedReport | ApiError)[] = [];
  for (const raw of reports) {
    try {
      items.push(await validateReport(withFiles(raw, []), []));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      items.push(error);
    }
  }
  const stored = insertMany(items.filter((item): item is PreparedReport => !(item instanceof ApiError)), partnerId);
  let next = 0;
  const results = items.map((item, index) => {
    if (item instanceof ApiError) return { index, status: 422, error: errorBody(item, locale).error };
    const { id, receipt } = stored[next++];
    return { index, status: 201, id, receipt };
  });
  return [200, { results }];
}

const server = createServer(async (request, response) => {
  const locale = negotiateLocale(request.headers["accept-language"] ?? null);
  try {
    if (request.method !== "POST") return send(response, 404, { error: { code: "not_found" } });
    if (request.url === "/api/v1/reports") return send(response, ...(await single(request)));
    if (request.url === "/api/v1/reports/batch") return send(response, ...(await batch(request, locale)));
    send(response, 404, { error: { code: "not_found" } });
  } catch (error) {
    if (error instanceof ApiError) {
      const status = ({ validation: 422, unauthorized: 401, forbidden: 403 } as Record<string, number>)[error.code] ?? 400;
      return send(response, status, errorBody(error, locale));
    }
    console.error(error);
    send(response, 500, { error: { code: "internal" } });
  }
});

server.listen(Number(process.env.PORT ?? 3250), "127.0.0.1", () => console.log(`limit server on ${process.env.PORT ?? 3250}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.close(() => {
    sqlite.close();
    process.exit(0);
  }));
}
