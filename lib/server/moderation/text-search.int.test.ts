import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { backfillSearch } from "@/scripts/search-backfill.mjs";
import { jsonRequest } from "../testing/requests";
import { listQueue, queueFiltersSchema } from "./queue";
import { searchText } from "@/lib/search/tokens.mjs";
import { reportsWithText, TEXT_MATCH_CAP } from "./text-search";

/** Free-text search of descriptions through the search index, on SQLite (FTS5) and PostgreSQL. */
async function spam(description: string) {
  const response = await submit(jsonRequest("/api/v1/reports", { ...validSpam(), sender: "+86 139 4444 0000", description }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
const found = async (q: string, mayOpenRestricted = false) =>
  (await listQueue(queueFiltersSchema.parse({ q, status: "any" }), "nobody", { mayOpenRestricted })).rows.map((r) => r.id);

describe("free-text search", () => {
  it("finds a two-character Chinese word inside a sentence, words in order, and the start of a word", async () => {
    const scam = await spam("昨天收到诈骗电话，对方冒充快递员，说包裹被扣要交费");
    const parcel = await spam("快递员送错了包裹 — the PELICANBOX went to the wrong door");
    expect(await found("诈骗")).toEqual([scam]);
    expect((await found("快递")).sort()).toEqual([scam, parcel].sort());
    expect(await found("冒充快递")).toEqual([scam]);
    expect(await found("电话诈骗")).toEqual([]); // the words, but not in that order
    expect(await found("诈")).toEqual([scam]); // one character: the start of a pair
    expect(await found("pelicanbox went")).toEqual([parcel]);
    expect(await found("Pelic")).toEqual([parcel]);
    expect(await found("pelicanbox door")).toEqual([]);
  });

  it("searches a spam report's message text too", async () => {
    const response = await submit(jsonRequest("/api/v1/reports", { ...validSpam(), content: "恭喜您中奖了，请点击链接领取 Jackpotword" }));
    const { id } = (await response.json()) as { id: string };
    expect(await found("中奖")).toContain(id);
    expect(await found("jackpotword")).toEqual([id]);
  });

  it("returns the newest matches first, at most the limit", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await spam(`Zebracrossing notice number ${i}`));
    expect(await reportsWithText("zebracrossing", 3)).toEqual(ids.slice(2).reverse());
  });

  it("shows the newest matches when a word is in more reports than a search returns, and says so", async () => {
    const now = Date.now();
    const rows = Array.from({ length: TEXT_MATCH_CAP + 20 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      category: "spam",
      receiptHash: `capped-${i}`,
      description: `Capybaraword number ${i}`,
      details: "{}",
      submittedAt: new Date(now - (TEXT_MATCH_CAP + 20 - i) * 1000),
      expectedBy: new Date(now + 86_400_000),
    }));
    await db.report.createMany({ data: rows });
    await db.reportSearch.createMany({ data: rows.map((r) => ({ reportId: r.id, text: searchText(r.description) })) });
    const result = await listQueue(queueFiltersSchema.parse({ q: "capybaraword", status: "any", sort: "newest" }), "nobody");
    expect(result.capped).toBe(true);
    expect(result.rows[0].id).toBe(rows[rows.length - 1].id);
    const all: string[] = [];
    for (let after: string | undefined, page = 0; page < 20; page++) {
      const next = await listQueue(queueFiltersSchema.parse({ q: "capybaraword", status: "any", sort: "newest", after }), "nobody");
      all.push(...next.rows.map((r) => r.id));
      if (!next.next) break;
      after = next.next;
    }
    expect(all).toHaveLength(TEXT_MATCH_CAP);
    expect(new Set(all)).toEqual(new Set(rows.slice(20).map((r) => r.id)));
  });

  it("survives search syntax and quotes typed as words, with no error", async () => {
    await spam("An ordinary message about a lottery prize");
    for (const q of [`" OR * NEAR(`, `'); DROP TABLE "Report"; --`, `lottery" OR "x`, "*", "\\", "a:*", "'"]) {
      await expect(found(q)).resolves.toBeInstanceOf(Array);
    }
    expect((await found(`lottery" OR "prize`)).length).toBe(0); // three words in that order: "lottery or prize"
    expect((await found("lottery prize")).length).toBe(1);
  });

  it("does not find restricted reports' words for staff who may not open them", async () => {
    const response = await submit(jsonRequest("/api/v1/reports", { ...validHarmfulInfo(), subtype: "child-abuse", description: "Quokkaphrase material found on the forum page", evidence: undefined }));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await found("quokkaphrase")).toEqual([]);
    expect(await found("quokkaphrase", true)).toEqual([id]);
  });

  it("indexes reports stored before the search existed, once, when the migration's backfill runs", async () => {
    const id = await spam("Wombatword appears in an old report");
    await db.reportSearch.delete({ where: { reportId: id } });
    expect(await found("wombatword")).toEqual([]);
    expect(await backfillSearch(process.env.DATABASE_URL)).toBe(1);
    expect(await found("wombatword")).toEqual([id]);
    expect(await backfillSearch(process.env.DATABASE_URL)).toBe(0);
  });
});
