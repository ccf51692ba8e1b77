-- The grouped queue's counts per target key, kept by triggers (see schema.prisma, OpenTarget).
-- CreateTable
CREATE TABLE "OpenTarget" (
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "urgent" INTEGER NOT NULL DEFAULT 0,
    "normal" INTEGER NOT NULL DEFAULT 0,
    "rank" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OpenTarget_pkey" PRIMARY KEY ("scope","kind","value")
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
    WHERE r."isOpen" AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse')
    UNION ALL
    SELECT r."category", t."kind", t."value", CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END
    FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId"
    WHERE r."isOpen" AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse')
) AS open_keys GROUP BY "scope", "kind", "value";

-- A key added to an open report (intake inserts the report, then its keys).
CREATE FUNCTION "open_target_key_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  u INTEGER;
BEGIN
  SELECT "isOpen", "category", "subtype", "severity" INTO r FROM "Report" WHERE "id" = NEW."reportId";
  IF NOT FOUND OR NOT r."isOpen" OR (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse') THEN
    RETURN NULL;
  END IF;
  u := CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END;
  INSERT INTO "OpenTarget" AS o ("scope", "kind", "value", "urgent", "normal", "rank")
    SELECT s, NEW."kind", NEW."value", u, 1 - u, CASE WHEN u > 0 THEN 1000000000 ELSE 0 END + 1 FROM unnest(ARRAY['all', r."category"]) AS s
  ON CONFLICT ("scope", "kind", "value") DO UPDATE SET
    "urgent" = o."urgent" + excluded."urgent",
    "normal" = o."normal" + excluded."normal",
    "rank" = CASE WHEN o."urgent" + excluded."urgent" > 0 THEN 1000000000 ELSE 0 END + o."urgent" + excluded."urgent" + o."normal" + excluded."normal";
  RETURN NULL;
END $$;
CREATE TRIGGER "OpenTarget_key_insert" AFTER INSERT ON "TargetKey" FOR EACH ROW EXECUTE FUNCTION "open_target_key_insert"();

-- A report leaves the open statuses (a decision): its keys count one fewer.
CREATE FUNCTION "open_target_report_closed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  u INTEGER := CASE WHEN NEW."severity" >= 2 THEN 1 ELSE 0 END;
BEGIN
  IF NOT (OLD."isOpen" AND NOT NEW."isOpen") OR (NEW."category" = 'harmful-info' AND COALESCE(NEW."subtype", '') = 'child-abuse') THEN
    RETURN NULL;
  END IF;
  UPDATE "OpenTarget" SET
    "urgent" = "urgent" - u,
    "normal" = "normal" - (1 - u),
    "rank" = CASE WHEN "urgent" - u > 0 THEN 1000000000 ELSE 0 END + "urgent" + "normal" - 1
  WHERE "scope" IN ('all', NEW."category") AND ("kind", "value") IN (SELECT "kind", "value" FROM "TargetKey" WHERE "reportId" = NEW."id");
  DELETE FROM "OpenTarget"
  WHERE "scope" IN ('all', NEW."category") AND "urgent" <= 0 AND "normal" <= 0
    AND ("kind", "value") IN (SELECT "kind", "value" FROM "TargetKey" WHERE "reportId" = NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "OpenTarget_report_closed" AFTER UPDATE OF "isOpen" ON "Report" FOR EACH ROW EXECUTE FUNCTION "open_target_report_closed"();
