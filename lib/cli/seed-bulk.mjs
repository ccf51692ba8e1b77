#!/usr/bin/env node
// `npm run seed:bulk -- 100000`: adds N synthetic reports to the database at DATABASE_URL,
// spread over the last 60 days, with target keys shared between some of them. It writes
// with better-sqlite3 directly, in one transaction per 10,000 rows, because the ORM's
// one-row-at-a-time cost would dominate; the rows match what intake writes.
import { randomUUID, createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

const count = Number(process.argv[2] ?? 100_000);
const file = path.resolve((process.env.DATABASE_URL ?? "file:./data/portal.db").replace(/^file:/, ""));
const db = new Database(file);
db.pragma("journal_mode = WAL");

const HOUR = 3_600_000;
const SLA = { "harmful-info": 72, crime: 48, spam: 168, copyright: 120 };
const SUBTYPES = {
  "harmful-info": ["gambling", "pornography", "fraud-phishing", "rumour", "child-abuse", "terrorism"],
  crime: ["investment-crypto", "romance", "phishing", "impersonation"],
  spam: ["commercial", "fraud-phishing", null],
  copyright: [null],
};
const CATS = Object.keys(SLA);
const STATUSES = ["received", "received", "in-review", "needs-info", "actioned", "rejected", "closed", "forwarded"];
const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

const insertReport = db.prepare(`INSERT INTO "Report" (id, category, subtype, status, isOpen, receiptHash, description, details,
  locale, severity, informationOnly, submittedAt, expectedBy, updatedAt, dueHour, targetCount)
  VALUES (?, ?, ?, ?, ?, ?, ?, '{}', 'zh-CN', ?, 0, ?, ?, ?, ?, ?)`);
const OPEN = new Set(["received", "in-review", "needs-info"]);
const insertTarget = db.prepare(`INSERT INTO "TargetKey" (id, reportId, kind, value, createdAt) VALUES (?, ?, 'url', ?, ?)`);
const insertEvent = db.prepare(`INSERT INTO "StatusEvent" (id, reportId, status, at) VALUES (?, ?, 'received', ?)`);

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
      const submitted = now - Math.floor(random() * 60 * 24 * HOUR);
      const hours = severe && category === "crime" ? 4 : subtype === "child-abuse" ? 24 : SLA[category];
      const expected = submitted + hours * HOUR;
      // One report in five shares its URL with others (a wave of reports on one target).
      const url = random() < 0.2 ? `https://wave.example/${Math.floor(random() * 500)}` : `https://site${done + i}.example/page`;
      const status = pick(STATUSES);
      insertReport.run(id, category, subtype, status, OPEN.has(status) ? 1 : 0, createHash("sha256").update(id).digest("hex"),
        `Synthetic report ${done + i} about ${url}`, severe ? 2 : 0, iso(submitted), iso(expected), iso(submitted),
        Math.floor(expected / HOUR), url.includes("wave") ? Math.floor(random() * 40) : 0);
      insertTarget.run(randomUUID(), id, url, iso(submitted));
      insertEvent.run(randomUUID(), id, iso(submitted));
    }
  })();
  done += batch;
  process.stdout.write(`\r  seeded ${done.toLocaleString("en")} / ${count.toLocaleString("en")} reports`);
}
db.pragma("optimize");
db.close();
console.log(`\n  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
