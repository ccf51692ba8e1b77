// The PostgreSQL half of `npm run bench:queue:pg`: fills the scratch database at DATABASE_URL
// with N reports, then times the grouped view and free-text searches. See
// scripts/bench-queue-postgres.mjs.
import { performance } from "node:perf_hooks";
import { db } from "@/lib/server/db";
import { listQueue, queueFiltersSchema } from "@/lib/server/moderation/queue";
import { listTargetGroups } from "@/lib/server/moderation/targets";
import { searchText } from "@/lib/search/tokens.mjs";

const ZH = ["收到诈骗短信，要求点击链接", "冒充快递客服要求退款", "网络赌博网站拉人下注", "虚假投资理财平台", "冒充公检法要求转账", "色情低俗内容", "刷单返利诈骗", "游戏账号交易诈骗", "盗版电影在线播放", "散布谣言信息"];
const EN = ["parcel fee phishing text", "fake investment platform", "romance scam on social media", "pirated film download site", "gambling advertisement", "someone impersonating a bank"];
const sqlArray = (items: string[]) => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(", ")}]`;

/** The grouped view's counts of what is open, as the migration computes them for existing reports. */
const OPEN_TARGETS = `
  INSERT INTO "OpenTarget" ("scope", "kind", "value", "urgent", "normal", "rank")
  SELECT "scope", "kind", "value", SUM("u"), SUM(1 - "u"), CASE WHEN SUM("u") > 0 THEN 1000000000 ELSE 0 END + COUNT(*)
  FROM (
    SELECT 'all' AS "scope", t."kind", t."value", CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END AS "u"
    FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId" WHERE r."isOpen"
    UNION ALL
    SELECT r."category", t."kind", t."value", CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END
    FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId" WHERE r."isOpen"
  ) AS open_keys GROUP BY "scope", "kind", "value"`;

async function fill(count: number) {
  const started = performance.now();
  // Written with the triggers off (this session only; the benchmark's database is a scratch
  // one): a million statistics upserts on the same few rows would take most of an hour. The
  // grouped view's counts are then computed once, as the migration does.
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    await insertAll(tx, count);
    await tx.$executeRawUnsafe(OPEN_TARGETS);
  }, { timeout: 3_600_000 });
  await db.$executeRawUnsafe(`ANALYZE`);
  console.log(`  filled ${count.toLocaleString("en")} reports in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function insertAll(tx: Pick<typeof db, "$executeRawUnsafe">, count: number) {
  // One report in seven is open; one in fifty urgent; one in five shares a URL among 500.
  await tx.$executeRawUnsafe(`
    INSERT INTO "Report" ("id", "caseNumber", "category", "status", "isOpen", "receiptHash", "description", "details", "locale", "severity",
      "informationOnly", "submittedAt", "expectedBy", "updatedAt", "dueHour", "targetCount", "receivedDay")
    SELECT md5(g::text)::uuid::text, 'R-' || (2026 - g / 1000000) || '-' || lpad((g % 1000000)::text, 6, '0'), (ARRAY['harmful-info','crime','spam','copyright'])[1 + g % 4],
      CASE WHEN g % 7 = 0 THEN 'received' ELSE 'actioned' END, g % 7 = 0, md5('r' || g),
      (${sqlArray(ZH)})[1 + g % ${ZH.length}] || '。' || (${sqlArray(EN)})[1 + g % ${EN.length}] || '. Synthetic report ' || g,
      '{}', 'zh-CN', CASE WHEN g % 50 = 0 THEN 2 ELSE 0 END, false,
      now() - make_interval(secs => g * 5), now() + interval '3 days', now(), 0, 0, 20261201
    FROM generate_series(1, ${count}) AS g`);
  await tx.$executeRawUnsafe(`
    INSERT INTO "TargetKey" ("id", "reportId", "kind", "value", "createdAt", "receivedDay", "category")
    SELECT md5('t' || g), md5(g::text)::uuid::text, 'url',
      CASE WHEN g % 5 = 0 THEN 'https://wave.example/' || (g % 500) ELSE 'https://site' || g || '.example/page' END,
      now() - make_interval(secs => g * 5), 20261201, (ARRAY['harmful-info','crime','spam','copyright'])[1 + g % 4]
    FROM generate_series(1, ${count}) AS g`);
  // The search rows: the same tokens intake would store (the phrases' tokens, then the rest).
  await tx.$executeRawUnsafe(`
    INSERT INTO "ReportSearch" ("reportId", "text")
    SELECT md5(g::text)::uuid::text,
      (${sqlArray(ZH.map(searchText))})[1 + g % ${ZH.length}] || ' ' || (${sqlArray(EN.map(searchText))})[1 + g % ${EN.length}] || ' synthetic report ' || g
    FROM generate_series(1, ${count}) AS g ORDER BY g DESC`);
}

async function time(name: string, work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
  console.log(`  ${name.padEnd(40)} p50 ${at(0.5).toFixed(0).padStart(4)} ms   p95 ${at(0.95).toFixed(0).padStart(4)} ms`);
}

async function main() {
  const count = Number(process.argv[2] ?? 1_000_000);
  await fill(count);
  const search = (q: string, status = "any") => () => listQueue(queueFiltersSchema.parse({ q, status }), "bench");
  console.log(`\nPostgreSQL, ${count.toLocaleString("en")} reports, server time of the queue's functions (30 runs each, after 3 warm-ups):`);
  await time("grouped by target", () => listTargetGroups({}));
  await time("grouped by target, spam only", () => listTargetGroups({ category: "spam" }));
  await time("grouped by target, urgent band", () => listTargetGroups({ band: "urgent" }));
  await time("default queue (open, by priority)", () => listQueue(queueFiltersSchema.parse({}), "bench"));
  await time("search words, common (诈骗)", search("诈骗"));
  await time("search words, phrase (冒充快递客服), open", search("冒充快递客服", "open"));
  await time("search words, English (romance scam)", search("romance scam"));
  await time("search words, rare (synthetic report 777)", search("synthetic report 777"));
  await time("search by URL", search("https://wave.example/7"));
  await time("search by case number", search("R-2026-000777"));
  await db.$disconnect();
}

void main();
