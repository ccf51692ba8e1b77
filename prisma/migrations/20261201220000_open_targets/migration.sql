-- The grouped queue's counts per target key, kept by triggers (see schema.prisma, OpenTarget).
-- CreateTable
CREATE TABLE "OpenTarget" (
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "urgent" INTEGER NOT NULL DEFAULT 0,
    "normal" INTEGER NOT NULL DEFAULT 0,
    "rank" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("scope", "kind", "value")
);

-- CreateIndex
CREATE INDEX "OpenTarget_scope_rank_kind_value_idx" ON "OpenTarget"("scope", "rank" DESC, "kind", "value");
CREATE INDEX "OpenTarget_scope_urgent_kind_value_idx" ON "OpenTarget"("scope", "urgent" DESC, "kind", "value");
CREATE INDEX "OpenTarget_scope_normal_kind_value_idx" ON "OpenTarget"("scope", "normal" DESC, "kind", "value");

-- What is open now.
INSERT INTO "OpenTarget" ("scope", "kind", "value", "urgent", "normal", "rank")
SELECT "scope", "kind", "value", SUM("u"), SUM(1 - "u"), CASE WHEN SUM("u") > 0 THEN 1000000000 ELSE 0 END + COUNT(*)
FROM (
    SELECT 'all' AS "scope", t."kind", t."value", CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END AS "u"
    FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId"
    WHERE r."isOpen" = 1 AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse')
    UNION ALL
    SELECT r."category", t."kind", t."value", CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END
    FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId"
    WHERE r."isOpen" = 1 AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse')
) GROUP BY "scope", "kind", "value";

-- A key added to an open report (intake inserts the report, then its keys).
CREATE TRIGGER "OpenTarget_key_insert" AFTER INSERT ON "TargetKey"
WHEN EXISTS (SELECT 1 FROM "Report" r WHERE r."id" = NEW."reportId" AND r."isOpen" = 1
             AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse'))
BEGIN
  INSERT INTO "OpenTarget" ("scope", "kind", "value", "urgent", "normal", "rank")
    SELECT s."scope", NEW."kind", NEW."value", u."u", 1 - u."u", CASE WHEN u."u" > 0 THEN 1000000000 ELSE 0 END + 1
    FROM (SELECT 'all' AS "scope" UNION ALL SELECT r."category" FROM "Report" r WHERE r."id" = NEW."reportId") s,
         (SELECT CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END AS "u" FROM "Report" r WHERE r."id" = NEW."reportId") u
    WHERE true
  ON CONFLICT ("scope", "kind", "value") DO UPDATE SET
    "urgent" = "urgent" + excluded."urgent",
    "normal" = "normal" + excluded."normal",
    "rank" = CASE WHEN "urgent" + excluded."urgent" > 0 THEN 1000000000 ELSE 0 END + "urgent" + excluded."urgent" + "normal" + excluded."normal";
END;

-- A report leaves the open statuses (a decision): its keys count one fewer.
CREATE TRIGGER "OpenTarget_report_closed" AFTER UPDATE OF "isOpen" ON "Report"
WHEN OLD."isOpen" = 1 AND NEW."isOpen" = 0 AND NOT (NEW."category" = 'harmful-info' AND COALESCE(NEW."subtype", '') = 'child-abuse')
BEGIN
  UPDATE "OpenTarget" SET
    "urgent" = "urgent" - (CASE WHEN NEW."severity" >= 2 THEN 1 ELSE 0 END),
    "normal" = "normal" - (CASE WHEN NEW."severity" >= 2 THEN 0 ELSE 1 END),
    "rank" = CASE WHEN "urgent" - (CASE WHEN NEW."severity" >= 2 THEN 1 ELSE 0 END) > 0 THEN 1000000000 ELSE 0 END + "urgent" + "normal" - 1
  WHERE "scope" IN ('all', NEW."category") AND ("kind", "value") IN (SELECT "kind", "value" FROM "TargetKey" WHERE "reportId" = NEW."id");
  DELETE FROM "OpenTarget"
  WHERE "scope" IN ('all', NEW."category") AND "urgent" <= 0 AND "normal" <= 0
    AND ("kind", "value") IN (SELECT "kind", "value" FROM "TargetKey" WHERE "reportId" = NEW."id");
END;
