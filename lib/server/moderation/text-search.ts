import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryTokens } from "@/lib/search/tokens.mjs";
import { db, isPostgres } from "../db";

/** A free-text search returns at most this many reports: the newest that contain the words. */
export const TEXT_MATCH_CAP = 500;

/**
 * On PostgreSQL, the newest reports searched first, in widening windows: a phrase is checked
 * against each candidate row's text, so a common one costs as many rows as the window holds.
 */
const RECENT_WINDOWS = [10_000, 100_000];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The ids of the newest reports whose description contains the words of `q` in that order
 * (lib/search/tokens.mjs), at most `limit`. When too few contain them as whole words, the
 * last word may be the start of one ("parc" finds "parcel", 诈 finds 诈骗); it must have
 * three letters, or be one Chinese character, so that a single letter does not expand to
 * every word. FTS5 walks its matches from the newest and stops at
 * the limit; PostgreSQL's GIN index finds every match, which are then checked and sorted, so
 * there the newest 10,000 reports are searched first, then the newest 100,000, then all.
 */
export async function reportsWithText(q: string, limit = TEXT_MATCH_CAP + 1): Promise<string[]> {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return [];
  const last = tokens[tokens.length - 1];
  // A prefix costs more than a whole word (every word it starts is merged, and FTS5 can no
  // longer stop at the limit): the whole words first, and the prefix only if they fall short.
  const exact = await matching(tokens, false, limit);
  const prefix = (CJK.test(last) && Array.from(last).length === 1) || (!CJK.test(last) && last.length >= 3);
  return exact.length >= limit || !prefix ? exact : matching(tokens, true, limit);
}

async function matching(tokens: string[], prefix: boolean, limit: number): Promise<string[]> {
  if (isPostgres()) {
    const query = tokens.map((t, i) => `'${t}'${prefix && i === tokens.length - 1 ? ":*" : ""}`).join(" <-> ");
    // GIN finds every match and PostgreSQL then checks and sorts them: look among the newest
    // reports first (a range of the primary key, combined with the GIN bitmap), and only if
    // they hold too few matches, among more.
    const newest = (window: Prisma.Sql) =>
      db.$queryRaw<{ reportId: string }[]>(Prisma.sql`
        SELECT "reportId" FROM "ReportSearch" WHERE ${window} to_tsvector('simple', "text") @@ to_tsquery('simple', ${query})
        ORDER BY "seq" DESC LIMIT ${limit}`);
    for (const window of RECENT_WINDOWS) {
      const recent = await newest(Prisma.sql`"seq" > (SELECT COALESCE(MAX("seq"), 0) FROM "ReportSearch") - ${window} AND`);
      if (recent.length >= limit) return recent.map((r) => r.reportId);
    }
    return (await newest(Prisma.empty)).map((r) => r.reportId);
  }
  const match = `"${tokens.join(" ")}"${prefix ? " *" : ""}`;
  const rows = await db.$queryRaw<{ reportId: string }[]>(Prisma.sql`
    SELECT s."reportId" AS "reportId" FROM "ReportSearchIndex" i JOIN "ReportSearch" s ON s."seq" = i.rowid
    WHERE "ReportSearchIndex" MATCH ${match} ORDER BY i.rowid DESC LIMIT ${limit}`);
  return rows.map((r) => r.reportId);
}
