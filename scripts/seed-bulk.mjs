#!/usr/bin/env node
// `npm run seed:bulk -- N [--days D]`: adds N synthetic reports to the database at
// DATABASE_URL, received over the last D days (default 60), with a realistic history: old
// reports are mostly decided by one of ten seeded moderators, recent ones mostly open, and
// one report in five shares its URL with others. It writes with better-sqlite3 directly, in
// one transaction per 10,000 rows, because the ORM's one-row-at-a-time cost would dominate;
// the rows match what intake and decisions write, statistics columns included.
import { randomUUID, createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { reportSearchText } from "../lib/search/tokens.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const count = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--days") ?? 100_000);
const days = option("--days", 60);
const url = process.env.DATABASE_URL ?? "file:./data/portal.db";
if (!url.startsWith("file:")) {
  // A PostgreSQL URL would otherwise become a SQLite file named after it, in this folder.
  console.error(`seed:bulk writes SQLite databases only (DATABASE_URL=file:…); ${url.split(":")[0]}: is not one. Nothing was written.`);
  process.exit(2);
}
const file = path.resolve(url.replace(/^file:/, ""));
const db = new Database(file);
db.pragma("journal_mode = WAL");
// A scratch database being filled: nothing is acknowledged to anyone until it is done.
db.pragma("synchronous = OFF");

const HOUR = 3_600_000;
const SLA = { "harmful-info": 72, crime: 48, spam: 168, copyright: 120 };
const SUBTYPES = {
  "harmful-info": ["gambling", "pornography", "fraud-phishing", "rumour", "child-abuse", "terrorism"],
  crime: ["investment-crypto", "romance", "phishing", "impersonation"],
  spam: ["commercial", "fraud-phishing", null],
  copyright: [null],
};
const CATS = Object.keys(SLA);
const OUTCOMES = ["actioned", "actioned", "actioned", "rejected", "rejected", "duplicate", "forwarded", "closed", "needs-info"];
const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");
const dayOf = (ms) => {
  const d = new Date(ms + 8 * HOUR);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
};

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

const stamp = iso(Date.now());
const moderators = Array.from({ length: 10 }, (_, i) => `seed-moderator-${i + 1}`);
const insertUser = db.prepare(`INSERT OR IGNORE INTO "User" (id, email, name, role, passwordHash, active, mustChangePassword, createdAt, updatedAt)
  VALUES (?, ?, ?, 'MODERATOR', '!', 0, 0, ?, ?)`);
for (const [i, id] of moderators.entries()) insertUser.run(id, `${id}@seed.invalid`, `Seeded moderator ${i + 1}`, stamp, stamp);

const insertReport = db.prepare(`INSERT INTO "Report" (id, category, subtype, status, isOpen, receiptHash, description, details,
  locale, severity, informationOnly, submittedAt, expectedBy, updatedAt, dueHour, targetCount, firstDecisionAt, closedAt,
  receivedDay, firstDecisionSecs, closureSecs, decidedOnTime)
  VALUES (?, ?, ?, ?, ?, ?, ?, '{}', 'zh-CN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const insertSearch = db.prepare(`INSERT INTO "ReportSearch" (reportId, text) VALUES (?, ?)`);
// Descriptions from a small vocabulary, so that free-text search has common and rare words.
const PHRASES_ZH = ["收到诈骗短信，要求点击链接", "冒充快递客服要求退款", "网络赌博网站拉人下注", "虚假投资理财平台", "冒充公检法要求转账", "色情低俗内容", "刷单返利诈骗", "游戏账号交易诈骗", "盗版电影在线播放", "散布谣言信息"];
const PHRASES_EN = ["parcel fee phishing text", "fake investment platform", "romance scam on social media", "pirated film download site", "gambling advertisement", "someone impersonating a bank"];
const insertTarget = db.prepare(`INSERT INTO "TargetKey" (id, reportId, kind, value, createdAt, receivedDay, category) VALUES (?, ?, 'url', ?, ?, ?, ?)`);
const insertEvent = db.prepare(`INSERT INTO "StatusEvent" (id, reportId, status, actorId, at, decidedDay, category, handlingSecs, overturned)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`);
const FINAL = new Set(["actioned", "rejected", "duplicate", "closed"]);

const now = Date.now();
const started = performance.now();
for (let done = 0; done < count; ) {
  const batch = Math.min(10_000, count - done);
  db.transaction(() => {
    for (let i = 0; i < batch; i++) {
      const id = randomUUID();
      const category = pick(CATS);
      const subtype = pick(SUBTYPES[category]);
      const severe = subtype === "child-abuse" || subtype === "terrorism" || (category === "crime" && random() < 0.02);
      const submitted = now - Math.floor(random() * days * 24 * HOUR);
      const sla = severe && category === "crime" ? 4 : subtype === "child-abuse" ? 24 : SLA[category];
      const expected = submitted + sla * HOUR;
      const url = random() < 0.2 ? `https://wave.example/${Math.floor(random() * 500)}` : `https://site${done + i}.example/page`;
      // Most reports are decided within twice their SLA; the rest are still waiting.
      const decideAfter = Math.floor(random() ** 2 * 2 * sla * HOUR) + 60_000;
      const decided = submitted + decideAfter < now;
      let status = "received";
      let firstDecision = null;
      let closed = null;
      if (decided) {
        status = pick(OUTCOMES);
        // Nobody answered within 30 days: the question lapses and the report is closed.
        if (status === "needs-info" && now - submitted > 30 * 24 * HOUR) status = "closed";
        firstDecision = submitted + decideAfter;
        if (FINAL.has(status)) closed = firstDecision;
      } else if (random() < 0.3) {
        status = "in-review";
      }
      const open = status === "received" || status === "in-review" || status === "needs-info";
      const description = `${pick(PHRASES_ZH)}。${pick(PHRASES_EN)}. Synthetic report ${done + i} about ${url}`;
      insertReport.run(id, category, subtype, status, open ? 1 : 0, createHash("sha256").update(id).digest("hex"),
        description, severe ? 2 : 0, category === "crime" && random() < 0.4 ? 1 : 0,
        iso(submitted), iso(expected), iso(submitted), Math.floor(expected / HOUR), url.includes("wave") ? Math.floor(random() * 40) : 0,
        firstDecision && iso(firstDecision), closed && iso(closed), dayOf(submitted),
        firstDecision && Math.round(decideAfter / 1000), closed && Math.round(decideAfter / 1000),
        firstDecision === null ? null : firstDecision <= expected ? 1 : 0);
      insertSearch.run(id, reportSearchText(description, null));
      insertTarget.run(randomUUID(), id, url, iso(submitted), dayOf(submitted), category);
      insertEvent.run(randomUUID(), id, "received", null, iso(submitted), null, null, null);
      if (firstDecision) {
        insertEvent.run(randomUUID(), id, status, pick(moderators), iso(firstDecision), dayOf(firstDecision), category,
          Math.floor(random() * 1800) + 30);
      }
    }
  })();
  done += batch;
  process.stdout.write(`\r  seeded ${done.toLocaleString("en")} / ${count.toLocaleString("en")} reports`);
}
db.pragma("optimize");
db.close();
console.log(`\n  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
