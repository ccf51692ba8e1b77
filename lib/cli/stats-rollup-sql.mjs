#!/usr/bin/env node
// Prints the SQL that the `*_statistics` migration ends with: the backfill of the
// statistics columns, the rollups of existing rows, and the triggers that keep the rollups
// exact. Run with `node --import tsx lib/cli/stats-rollup-sql.mjs` and append to a new
// migration when the rollups change; buckets.test.ts checks the bucket bounds agree.
import { bucketSql } from "../stats/buckets.ts";
const b = (c) => bucketSql(c);
const day = (col) => `CAST(strftime('%Y%m%d', ${col}, '+8 hours') AS INTEGER)`;
const ontime = (r) => `COALESCE(${r}."decidedOnTime" + 0, -1)`;
const daily = (r, d) => `INSERT INTO "StatsDaily" ("day", "category", "subtype", "informationOnly", "status", "onTime", "n")
    VALUES (${r}."receivedDay", ${r}."category", COALESCE(${r}."subtype", ''), ${r}."informationOnly", ${r}."status", ${ontime(r)}, ${d})
    ON CONFLICT ("day", "category", "subtype", "informationOnly", "status", "onTime") DO UPDATE SET "n" = "n" + ${d};`;
const duration = (r, metric, col, d) => `INSERT INTO "StatsDuration" ("day", "category", "informationOnly", "metric", "bucket", "n")
    SELECT ${r}."receivedDay", ${r}."category", ${r}."informationOnly", '${metric}', ${b(`${r}."${col}"`)}, ${d} WHERE ${r}."${col}" IS NOT NULL
    ON CONFLICT ("day", "category", "informationOnly", "metric", "bucket") DO UPDATE SET "n" = "n" + ${d};`;
const handling = (r, d) => `INSERT INTO "StatsHandling" ("day", "actorId", "category", "bucket", "n", "overturned")
    SELECT ${r}."decidedDay", ${r}."actorId", ${r}."category", CASE WHEN ${r}."handlingSecs" IS NULL THEN -1 ELSE ${b(`${r}."handlingSecs"`)} END, ${d}, ${d} * ${r}."overturned"
    WHERE ${r}."decidedDay" IS NOT NULL AND ${r}."actorId" IS NOT NULL AND ${r}."category" IS NOT NULL
    ON CONFLICT ("day", "actorId", "category", "bucket") DO UPDATE SET "n" = "n" + excluded."n", "overturned" = "overturned" + excluded."overturned";`;
const reportRollups = (r, d) => [daily(r, d), duration(r, "first", "firstDecisionSecs", d), duration(r, "closure", "closureSecs", d)].join("\n  ");
const changed = ["status", "decidedOnTime", "firstDecisionSecs", "closureSecs", "receivedDay", "category", "subtype", "informationOnly"];
console.log(`
-- Backfill the statistics columns of existing rows. Beijing time is UTC+8 all year.
UPDATE "Report" SET
  "receivedDay" = ${day('"submittedAt"')},
  "firstDecisionSecs" = CASE WHEN "firstDecisionAt" IS NULL THEN NULL
    ELSE CAST(round((julianday("firstDecisionAt") - julianday("submittedAt")) * 86400) AS INTEGER) END,
  "closureSecs" = CASE WHEN "closedAt" IS NULL THEN NULL
    ELSE CAST(round((julianday("closedAt") - julianday("submittedAt")) * 86400) AS INTEGER) END,
  "decidedOnTime" = CASE WHEN "firstDecisionAt" IS NULL THEN NULL
    ELSE julianday("firstDecisionAt") <= julianday("expectedBy") END;
UPDATE "TargetKey" SET "receivedDay" = ${day('"createdAt"')},
  "category" = (SELECT "category" FROM "Report" WHERE "Report"."id" = "TargetKey"."reportId");
UPDATE "StatusEvent" SET "decidedDay" = ${day('"at"')},
  "category" = (SELECT "category" FROM "Report" WHERE "Report"."id" = "StatusEvent"."reportId")
  WHERE "actorId" IS NOT NULL AND "status" NOT IN ('received', 'in-review');

-- Rollups of what is already there.
INSERT INTO "StatsDaily" ("day", "category", "subtype", "informationOnly", "status", "onTime", "n")
  SELECT "receivedDay", "category", COALESCE("subtype", ''), "informationOnly", "status", ${ontime('"Report"')}, COUNT(*)
  FROM "Report" GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO "StatsDuration" ("day", "category", "informationOnly", "metric", "bucket", "n")
  SELECT "receivedDay", "category", "informationOnly", 'first', ${b('"firstDecisionSecs"')}, COUNT(*)
  FROM "Report" WHERE "firstDecisionSecs" IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "StatsDuration" ("day", "category", "informationOnly", "metric", "bucket", "n")
  SELECT "receivedDay", "category", "informationOnly", 'closure', ${b('"closureSecs"')}, COUNT(*)
  FROM "Report" WHERE "closureSecs" IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "StatsHandling" ("day", "actorId", "category", "bucket", "n", "overturned")
  SELECT "decidedDay", "actorId", "category", CASE WHEN "handlingSecs" IS NULL THEN -1 ELSE ${b('"handlingSecs"')} END, COUNT(*), SUM("overturned")
  FROM "StatusEvent" WHERE "decidedDay" IS NOT NULL AND "actorId" IS NOT NULL AND "category" IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO "TargetTotal" ("kind", "value", "total") SELECT "kind", "value", COUNT(*) FROM "TargetKey" GROUP BY 1, 2;

-- Triggers keep the rollups exact: each write to a source row moves its count from the old
-- key to the new one, in the same transaction.
CREATE TRIGGER "Report_stats_insert" AFTER INSERT ON "Report" BEGIN
  ${reportRollups("NEW", 1)}
END;
CREATE TRIGGER "Report_stats_update" AFTER UPDATE OF ${changed.map((c) => `"${c}"`).join(", ")} ON "Report"
WHEN ${changed.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(" OR ")} BEGIN
  ${reportRollups("OLD", -1)}
  ${reportRollups("NEW", 1)}
END;
CREATE TRIGGER "Report_stats_delete" AFTER DELETE ON "Report" BEGIN
  ${reportRollups("OLD", -1)}
END;
CREATE TRIGGER "StatusEvent_stats_insert" AFTER INSERT ON "StatusEvent" BEGIN
  ${handling("NEW", 1)}
END;
CREATE TRIGGER "StatusEvent_stats_update" AFTER UPDATE OF "decidedDay", "actorId", "category", "handlingSecs", "overturned" ON "StatusEvent" BEGIN
  ${handling("OLD", -1)}
  ${handling("NEW", 1)}
END;
CREATE TRIGGER "StatusEvent_stats_delete" AFTER DELETE ON "StatusEvent" BEGIN
  ${handling("OLD", -1)}
END;
CREATE TRIGGER "TargetKey_stats_insert" AFTER INSERT ON "TargetKey" BEGIN
  INSERT INTO "TargetTotal" ("kind", "value", "total") VALUES (NEW."kind", NEW."value", 1)
    ON CONFLICT ("kind", "value") DO UPDATE SET "total" = "total" + 1;
END;
CREATE TRIGGER "TargetKey_stats_delete" AFTER DELETE ON "TargetKey" BEGIN
  UPDATE "TargetTotal" SET "total" = "total" - 1 WHERE "kind" = OLD."kind" AND "value" = OLD."value";
END;`);
