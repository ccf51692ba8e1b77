-- The PostgreSQL schema, generated with `migrate diff --from-empty` from prisma/postgres/schema.prisma,
-- then the audit and statistics triggers, and the agencies. Applied by lib/cli/postgres-migrate.mjs.
-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subtype" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "isOpen" BOOLEAN NOT NULL DEFAULT true,
    "receiptHash" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "contact" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "severity" INTEGER NOT NULL DEFAULT 0,
    "informationOnly" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expectedBy" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "dueHour" INTEGER NOT NULL DEFAULT 0,
    "targetCount" INTEGER NOT NULL DEFAULT 0,
    "claimedById" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "replyPending" BOOLEAN NOT NULL DEFAULT false,
    "duplicateOfId" TEXT,
    "forwardedToId" TEXT,
    "forwardReference" TEXT,
    "firstDecisionAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "receivedDay" INTEGER NOT NULL DEFAULT 0,
    "firstDecisionSecs" INTEGER,
    "closureSecs" INTEGER,
    "decidedOnTime" BOOLEAN,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'evidence',
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetKey" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedDay" INTEGER NOT NULL DEFAULT 0,
    "category" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TargetKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusEvent" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "publicNote" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedDay" INTEGER,
    "category" TEXT,
    "handlingSecs" INTEGER,
    "overturned" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "StatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "staffId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InternalNote" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InternalNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "reportId" TEXT,
    "before" TEXT,
    "after" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "keyHash" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "sealedBody" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("keyHash")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowEnds" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RateLimitSecret" (
    "day" TEXT NOT NULL,
    "secret" TEXT NOT NULL,

    CONSTRAINT "RateLimitSecret_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "StatsDaily" (
    "day" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "subtype" TEXT NOT NULL,
    "informationOnly" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "onTime" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatsDaily_pkey" PRIMARY KEY ("day","category","subtype","informationOnly","status","onTime")
);

-- CreateTable
CREATE TABLE "StatsDuration" (
    "day" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "informationOnly" BOOLEAN NOT NULL,
    "metric" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatsDuration_pkey" PRIMARY KEY ("day","category","informationOnly","metric","bucket")
);

-- CreateTable
CREATE TABLE "StatsHandling" (
    "day" INTEGER NOT NULL,
    "actorId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "overturned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatsHandling_pkey" PRIMARY KEY ("day","actorId","category","bucket")
);

-- CreateTable
CREATE TABLE "TargetTotal" (
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TargetTotal_pkey" PRIMARY KEY ("kind","value")
);

-- CreateIndex
CREATE UNIQUE INDEX "Report_receiptHash_key" ON "Report"("receiptHash");

-- CreateIndex
CREATE INDEX "Report_category_submittedAt_idx" ON "Report"("category", "submittedAt");

-- CreateIndex
CREATE INDEX "Report_status_expectedBy_idx" ON "Report"("status", "expectedBy");

-- CreateIndex
CREATE INDEX "Report_isOpen_severity_dueHour_targetCount_id_idx" ON "Report"("isOpen", "severity" DESC, "dueHour", "targetCount" DESC, "id");

-- CreateIndex
CREATE INDEX "Report_status_severity_dueHour_targetCount_id_idx" ON "Report"("status", "severity" DESC, "dueHour", "targetCount" DESC, "id");

-- CreateIndex
CREATE INDEX "Report_submittedAt_idx" ON "Report"("submittedAt");

-- CreateIndex
CREATE INDEX "Report_claimedById_replyPending_idx" ON "Report"("claimedById", "replyPending");

-- CreateIndex
CREATE INDEX "Report_first_decision_idx" ON "Report"("category", "informationOnly", "firstDecisionSecs", "receivedDay");

-- CreateIndex
CREATE INDEX "Report_closure_idx" ON "Report"("category", "informationOnly", "closureSecs", "receivedDay");

-- CreateIndex
CREATE INDEX "Report_receivedDay_id_idx" ON "Report"("receivedDay", "id");

-- CreateIndex
CREATE INDEX "Report_isOpen_submittedAt_status_idx" ON "Report"("isOpen", "submittedAt", "status");

-- CreateIndex
CREATE INDEX "Report_isOpen_category_submittedAt_status_idx" ON "Report"("isOpen", "category", "submittedAt", "status");

-- CreateIndex
CREATE INDEX "Report_category_status_expectedBy_idx" ON "Report"("category", "status", "expectedBy");

-- CreateIndex
CREATE INDEX "Evidence_sha256_idx" ON "Evidence"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_reportId_sha256_key" ON "Evidence"("reportId", "sha256");

-- CreateIndex
CREATE INDEX "TargetKey_kind_value_createdAt_idx" ON "TargetKey"("kind", "value", "createdAt");

-- CreateIndex
CREATE INDEX "TargetKey_kind_value_category_receivedDay_idx" ON "TargetKey"("kind", "value", "category", "receivedDay");

-- CreateIndex
CREATE UNIQUE INDEX "TargetKey_reportId_kind_value_key" ON "TargetKey"("reportId", "kind", "value");

-- CreateIndex
CREATE INDEX "StatusEvent_reportId_at_idx" ON "StatusEvent"("reportId", "at");

-- CreateIndex
CREATE INDEX "StatusEvent_actorId_handlingSecs_decidedDay_idx" ON "StatusEvent"("actorId", "handlingSecs", "decidedDay");

-- CreateIndex
CREATE INDEX "StatusEvent_actorId_category_handlingSecs_decidedDay_idx" ON "StatusEvent"("actorId", "category", "handlingSecs", "decidedDay");

-- CreateIndex
CREATE INDEX "Message_reportId_createdAt_idx" ON "Message"("reportId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "StaffSession_userId_idx" ON "StaffSession"("userId");

-- CreateIndex
CREATE INDEX "InternalNote_reportId_createdAt_idx" ON "InternalNote"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "Agency_category_idx" ON "Agency"("category");

-- CreateIndex
CREATE INDEX "AuditEvent_reportId_at_idx" ON "AuditEvent"("reportId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowEnds_idx" ON "RateLimitBucket"("windowEnds");

-- CreateIndex
CREATE INDEX "TargetTotal_total_idx" ON "TargetTotal"("total");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_forwardedToId_fkey" FOREIGN KEY ("forwardedToId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetKey" ADD CONSTRAINT "TargetKey_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The responsible agencies, one per category to start with.
INSERT INTO "Agency" ("id", "category", "nameEn", "nameZh", "active") VALUES
  ('internet-information-centre', 'harmful-info', 'Illegal and Harmful Information Reporting Centre (12377)', '违法和不良信息举报中心（12377）', true),
  ('cyber-police', 'crime', 'Public Security Cyber Police', '公安机关网安部门（网警）', true),
  ('anti-spam-centre', 'spam', 'Anti-Spam Centre (12321)', '网络不良与垃圾信息举报受理中心（12321）', true),
  ('copyright-administration', 'copyright', 'Copyright Administration (12390)', '版权管理部门（12390）', true);

-- The audit log is append-only.
CREATE FUNCTION "audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_append_only"();

-- Statistics rollups, kept exact by triggers (generated by lib/cli/stats-rollup-sql.mjs --postgres).
CREATE FUNCTION "stats_report"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "StatsDaily" AS s ("day", "category", "subtype", "informationOnly", "status", "onTime", "n")
      VALUES (OLD."receivedDay", OLD."category", COALESCE(OLD."subtype", ''), OLD."informationOnly", OLD."status", CASE WHEN OLD."decidedOnTime" IS NULL THEN -1 WHEN OLD."decidedOnTime" THEN 1 ELSE 0 END, -1)
      ON CONFLICT ("day", "category", "subtype", "informationOnly", "status", "onTime") DO UPDATE SET "n" = s."n" + excluded."n";
    IF OLD."firstDecisionSecs" IS NOT NULL THEN
      INSERT INTO "StatsDuration" AS s ("day", "category", "informationOnly", "metric", "bucket", "n")
      VALUES (OLD."receivedDay", OLD."category", OLD."informationOnly", 'first', (CASE WHEN OLD."firstDecisionSecs" < 60 THEN 0 WHEN OLD."firstDecisionSecs" < 71 THEN 1 WHEN OLD."firstDecisionSecs" < 85 THEN 2 WHEN OLD."firstDecisionSecs" < 101 THEN 3 WHEN OLD."firstDecisionSecs" < 120 THEN 4 WHEN OLD."firstDecisionSecs" < 143 THEN 5 WHEN OLD."firstDecisionSecs" < 170 THEN 6 WHEN OLD."firstDecisionSecs" < 202 THEN 7 WHEN OLD."firstDecisionSecs" < 240 THEN 8 WHEN OLD."firstDecisionSecs" < 285 THEN 9 WHEN OLD."firstDecisionSecs" < 339 THEN 10 WHEN OLD."firstDecisionSecs" < 404 THEN 11 WHEN OLD."firstDecisionSecs" < 480 THEN 12 WHEN OLD."firstDecisionSecs" < 571 THEN 13 WHEN OLD."firstDecisionSecs" < 679 THEN 14 WHEN OLD."firstDecisionSecs" < 807 THEN 15 WHEN OLD."firstDecisionSecs" < 960 THEN 16 WHEN OLD."firstDecisionSecs" < 1142 THEN 17 WHEN OLD."firstDecisionSecs" < 1358 THEN 18 WHEN OLD."firstDecisionSecs" < 1615 THEN 19 WHEN OLD."firstDecisionSecs" < 1920 THEN 20 WHEN OLD."firstDecisionSecs" < 2283 THEN 21 WHEN OLD."firstDecisionSecs" < 2715 THEN 22 WHEN OLD."firstDecisionSecs" < 3229 THEN 23 WHEN OLD."firstDecisionSecs" < 3840 THEN 24 WHEN OLD."firstDecisionSecs" < 4567 THEN 25 WHEN OLD."firstDecisionSecs" < 5431 THEN 26 WHEN OLD."firstDecisionSecs" < 6458 THEN 27 WHEN OLD."firstDecisionSecs" < 7680 THEN 28 WHEN OLD."firstDecisionSecs" < 9133 THEN 29 WHEN OLD."firstDecisionSecs" < 10861 THEN 30 WHEN OLD."firstDecisionSecs" < 12916 THEN 31 WHEN OLD."firstDecisionSecs" < 15360 THEN 32 WHEN OLD."firstDecisionSecs" < 18266 THEN 33 WHEN OLD."firstDecisionSecs" < 21722 THEN 34 WHEN OLD."firstDecisionSecs" < 25832 THEN 35 WHEN OLD."firstDecisionSecs" < 30720 THEN 36 WHEN OLD."firstDecisionSecs" < 36532 THEN 37 WHEN OLD."firstDecisionSecs" < 43445 THEN 38 WHEN OLD."firstDecisionSecs" < 51665 THEN 39 WHEN OLD."firstDecisionSecs" < 61440 THEN 40 WHEN OLD."firstDecisionSecs" < 73065 THEN 41 WHEN OLD."firstDecisionSecs" < 86889 THEN 42 WHEN OLD."firstDecisionSecs" < 103329 THEN 43 WHEN OLD."firstDecisionSecs" < 122880 THEN 44 WHEN OLD."firstDecisionSecs" < 146130 THEN 45 WHEN OLD."firstDecisionSecs" < 173779 THEN 46 WHEN OLD."firstDecisionSecs" < 206659 THEN 47 WHEN OLD."firstDecisionSecs" < 245760 THEN 48 WHEN OLD."firstDecisionSecs" < 292260 THEN 49 WHEN OLD."firstDecisionSecs" < 347557 THEN 50 WHEN OLD."firstDecisionSecs" < 413317 THEN 51 WHEN OLD."firstDecisionSecs" < 491520 THEN 52 WHEN OLD."firstDecisionSecs" < 584519 THEN 53 WHEN OLD."firstDecisionSecs" < 695114 THEN 54 WHEN OLD."firstDecisionSecs" < 826635 THEN 55 WHEN OLD."firstDecisionSecs" < 983040 THEN 56 WHEN OLD."firstDecisionSecs" < 1169038 THEN 57 WHEN OLD."firstDecisionSecs" < 1390229 THEN 58 WHEN OLD."firstDecisionSecs" < 1653270 THEN 59 WHEN OLD."firstDecisionSecs" < 1966080 THEN 60 WHEN OLD."firstDecisionSecs" < 2338076 THEN 61 WHEN OLD."firstDecisionSecs" < 2780457 THEN 62 ELSE 63 END), -1)
      ON CONFLICT ("day", "category", "informationOnly", "metric", "bucket") DO UPDATE SET "n" = s."n" + excluded."n";
    END IF;
    IF OLD."closureSecs" IS NOT NULL THEN
      INSERT INTO "StatsDuration" AS s ("day", "category", "informationOnly", "metric", "bucket", "n")
      VALUES (OLD."receivedDay", OLD."category", OLD."informationOnly", 'closure', (CASE WHEN OLD."closureSecs" < 60 THEN 0 WHEN OLD."closureSecs" < 71 THEN 1 WHEN OLD."closureSecs" < 85 THEN 2 WHEN OLD."closureSecs" < 101 THEN 3 WHEN OLD."closureSecs" < 120 THEN 4 WHEN OLD."closureSecs" < 143 THEN 5 WHEN OLD."closureSecs" < 170 THEN 6 WHEN OLD."closureSecs" < 202 THEN 7 WHEN OLD."closureSecs" < 240 THEN 8 WHEN OLD."closureSecs" < 285 THEN 9 WHEN OLD."closureSecs" < 339 THEN 10 WHEN OLD."closureSecs" < 404 THEN 11 WHEN OLD."closureSecs" < 480 THEN 12 WHEN OLD."closureSecs" < 571 THEN 13 WHEN OLD."closureSecs" < 679 THEN 14 WHEN OLD."closureSecs" < 807 THEN 15 WHEN OLD."closureSecs" < 960 THEN 16 WHEN OLD."closureSecs" < 1142 THEN 17 WHEN OLD."closureSecs" < 1358 THEN 18 WHEN OLD."closureSecs" < 1615 THEN 19 WHEN OLD."closureSecs" < 1920 THEN 20 WHEN OLD."closureSecs" < 2283 THEN 21 WHEN OLD."closureSecs" < 2715 THEN 22 WHEN OLD."closureSecs" < 3229 THEN 23 WHEN OLD."closureSecs" < 3840 THEN 24 WHEN OLD."closureSecs" < 4567 THEN 25 WHEN OLD."closureSecs" < 5431 THEN 26 WHEN OLD."closureSecs" < 6458 THEN 27 WHEN OLD."closureSecs" < 7680 THEN 28 WHEN OLD."closureSecs" < 9133 THEN 29 WHEN OLD."closureSecs" < 10861 THEN 30 WHEN OLD."closureSecs" < 12916 THEN 31 WHEN OLD."closureSecs" < 15360 THEN 32 WHEN OLD."closureSecs" < 18266 THEN 33 WHEN OLD."closureSecs" < 21722 THEN 34 WHEN OLD."closureSecs" < 25832 THEN 35 WHEN OLD."closureSecs" < 30720 THEN 36 WHEN OLD."closureSecs" < 36532 THEN 37 WHEN OLD."closureSecs" < 43445 THEN 38 WHEN OLD."closureSecs" < 51665 THEN 39 WHEN OLD."closureSecs" < 61440 THEN 40 WHEN OLD."closureSecs" < 73065 THEN 41 WHEN OLD."closureSecs" < 86889 THEN 42 WHEN OLD."closureSecs" < 103329 THEN 43 WHEN OLD."closureSecs" < 122880 THEN 44 WHEN OLD."closureSecs" < 146130 THEN 45 WHEN OLD."closureSecs" < 173779 THEN 46 WHEN OLD."closureSecs" < 206659 THEN 47 WHEN OLD."closureSecs" < 245760 THEN 48 WHEN OLD."closureSecs" < 292260 THEN 49 WHEN OLD."closureSecs" < 347557 THEN 50 WHEN OLD."closureSecs" < 413317 THEN 51 WHEN OLD."closureSecs" < 491520 THEN 52 WHEN OLD."closureSecs" < 584519 THEN 53 WHEN OLD."closureSecs" < 695114 THEN 54 WHEN OLD."closureSecs" < 826635 THEN 55 WHEN OLD."closureSecs" < 983040 THEN 56 WHEN OLD."closureSecs" < 1169038 THEN 57 WHEN OLD."closureSecs" < 1390229 THEN 58 WHEN OLD."closureSecs" < 1653270 THEN 59 WHEN OLD."closureSecs" < 1966080 THEN 60 WHEN OLD."closureSecs" < 2338076 THEN 61 WHEN OLD."closureSecs" < 2780457 THEN 62 ELSE 63 END), -1)
      ON CONFLICT ("day", "category", "informationOnly", "metric", "bucket") DO UPDATE SET "n" = s."n" + excluded."n";
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "StatsDaily" AS s ("day", "category", "subtype", "informationOnly", "status", "onTime", "n")
      VALUES (NEW."receivedDay", NEW."category", COALESCE(NEW."subtype", ''), NEW."informationOnly", NEW."status", CASE WHEN NEW."decidedOnTime" IS NULL THEN -1 WHEN NEW."decidedOnTime" THEN 1 ELSE 0 END, 1)
      ON CONFLICT ("day", "category", "subtype", "informationOnly", "status", "onTime") DO UPDATE SET "n" = s."n" + excluded."n";
    IF NEW."firstDecisionSecs" IS NOT NULL THEN
      INSERT INTO "StatsDuration" AS s ("day", "category", "informationOnly", "metric", "bucket", "n")
      VALUES (NEW."receivedDay", NEW."category", NEW."informationOnly", 'first', (CASE WHEN NEW."firstDecisionSecs" < 60 THEN 0 WHEN NEW."firstDecisionSecs" < 71 THEN 1 WHEN NEW."firstDecisionSecs" < 85 THEN 2 WHEN NEW."firstDecisionSecs" < 101 THEN 3 WHEN NEW."firstDecisionSecs" < 120 THEN 4 WHEN NEW."firstDecisionSecs" < 143 THEN 5 WHEN NEW."firstDecisionSecs" < 170 THEN 6 WHEN NEW."firstDecisionSecs" < 202 THEN 7 WHEN NEW."firstDecisionSecs" < 240 THEN 8 WHEN NEW."firstDecisionSecs" < 285 THEN 9 WHEN NEW."firstDecisionSecs" < 339 THEN 10 WHEN NEW."firstDecisionSecs" < 404 THEN 11 WHEN NEW."firstDecisionSecs" < 480 THEN 12 WHEN NEW."firstDecisionSecs" < 571 THEN 13 WHEN NEW."firstDecisionSecs" < 679 THEN 14 WHEN NEW."firstDecisionSecs" < 807 THEN 15 WHEN NEW."firstDecisionSecs" < 960 THEN 16 WHEN NEW."firstDecisionSecs" < 1142 THEN 17 WHEN NEW."firstDecisionSecs" < 1358 THEN 18 WHEN NEW."firstDecisionSecs" < 1615 THEN 19 WHEN NEW."firstDecisionSecs" < 1920 THEN 20 WHEN NEW."firstDecisionSecs" < 2283 THEN 21 WHEN NEW."firstDecisionSecs" < 2715 THEN 22 WHEN NEW."firstDecisionSecs" < 3229 THEN 23 WHEN NEW."firstDecisionSecs" < 3840 THEN 24 WHEN NEW."firstDecisionSecs" < 4567 THEN 25 WHEN NEW."firstDecisionSecs" < 5431 THEN 26 WHEN NEW."firstDecisionSecs" < 6458 THEN 27 WHEN NEW."firstDecisionSecs" < 7680 THEN 28 WHEN NEW."firstDecisionSecs" < 9133 THEN 29 WHEN NEW."firstDecisionSecs" < 10861 THEN 30 WHEN NEW."firstDecisionSecs" < 12916 THEN 31 WHEN NEW."firstDecisionSecs" < 15360 THEN 32 WHEN NEW."firstDecisionSecs" < 18266 THEN 33 WHEN NEW."firstDecisionSecs" < 21722 THEN 34 WHEN NEW."firstDecisionSecs" < 25832 THEN 35 WHEN NEW."firstDecisionSecs" < 30720 THEN 36 WHEN NEW."firstDecisionSecs" < 36532 THEN 37 WHEN NEW."firstDecisionSecs" < 43445 THEN 38 WHEN NEW."firstDecisionSecs" < 51665 THEN 39 WHEN NEW."firstDecisionSecs" < 61440 THEN 40 WHEN NEW."firstDecisionSecs" < 73065 THEN 41 WHEN NEW."firstDecisionSecs" < 86889 THEN 42 WHEN NEW."firstDecisionSecs" < 103329 THEN 43 WHEN NEW."firstDecisionSecs" < 122880 THEN 44 WHEN NEW."firstDecisionSecs" < 146130 THEN 45 WHEN NEW."firstDecisionSecs" < 173779 THEN 46 WHEN NEW."firstDecisionSecs" < 206659 THEN 47 WHEN NEW."firstDecisionSecs" < 245760 THEN 48 WHEN NEW."firstDecisionSecs" < 292260 THEN 49 WHEN NEW."firstDecisionSecs" < 347557 THEN 50 WHEN NEW."firstDecisionSecs" < 413317 THEN 51 WHEN NEW."firstDecisionSecs" < 491520 THEN 52 WHEN NEW."firstDecisionSecs" < 584519 THEN 53 WHEN NEW."firstDecisionSecs" < 695114 THEN 54 WHEN NEW."firstDecisionSecs" < 826635 THEN 55 WHEN NEW."firstDecisionSecs" < 983040 THEN 56 WHEN NEW."firstDecisionSecs" < 1169038 THEN 57 WHEN NEW."firstDecisionSecs" < 1390229 THEN 58 WHEN NEW."firstDecisionSecs" < 1653270 THEN 59 WHEN NEW."firstDecisionSecs" < 1966080 THEN 60 WHEN NEW."firstDecisionSecs" < 2338076 THEN 61 WHEN NEW."firstDecisionSecs" < 2780457 THEN 62 ELSE 63 END), 1)
      ON CONFLICT ("day", "category", "informationOnly", "metric", "bucket") DO UPDATE SET "n" = s."n" + excluded."n";
    END IF;
    IF NEW."closureSecs" IS NOT NULL THEN
      INSERT INTO "StatsDuration" AS s ("day", "category", "informationOnly", "metric", "bucket", "n")
      VALUES (NEW."receivedDay", NEW."category", NEW."informationOnly", 'closure', (CASE WHEN NEW."closureSecs" < 60 THEN 0 WHEN NEW."closureSecs" < 71 THEN 1 WHEN NEW."closureSecs" < 85 THEN 2 WHEN NEW."closureSecs" < 101 THEN 3 WHEN NEW."closureSecs" < 120 THEN 4 WHEN NEW."closureSecs" < 143 THEN 5 WHEN NEW."closureSecs" < 170 THEN 6 WHEN NEW."closureSecs" < 202 THEN 7 WHEN NEW."closureSecs" < 240 THEN 8 WHEN NEW."closureSecs" < 285 THEN 9 WHEN NEW."closureSecs" < 339 THEN 10 WHEN NEW."closureSecs" < 404 THEN 11 WHEN NEW."closureSecs" < 480 THEN 12 WHEN NEW."closureSecs" < 571 THEN 13 WHEN NEW."closureSecs" < 679 THEN 14 WHEN NEW."closureSecs" < 807 THEN 15 WHEN NEW."closureSecs" < 960 THEN 16 WHEN NEW."closureSecs" < 1142 THEN 17 WHEN NEW."closureSecs" < 1358 THEN 18 WHEN NEW."closureSecs" < 1615 THEN 19 WHEN NEW."closureSecs" < 1920 THEN 20 WHEN NEW."closureSecs" < 2283 THEN 21 WHEN NEW."closureSecs" < 2715 THEN 22 WHEN NEW."closureSecs" < 3229 THEN 23 WHEN NEW."closureSecs" < 3840 THEN 24 WHEN NEW."closureSecs" < 4567 THEN 25 WHEN NEW."closureSecs" < 5431 THEN 26 WHEN NEW."closureSecs" < 6458 THEN 27 WHEN NEW."closureSecs" < 7680 THEN 28 WHEN NEW."closureSecs" < 9133 THEN 29 WHEN NEW."closureSecs" < 10861 THEN 30 WHEN NEW."closureSecs" < 12916 THEN 31 WHEN NEW."closureSecs" < 15360 THEN 32 WHEN NEW."closureSecs" < 18266 THEN 33 WHEN NEW."closureSecs" < 21722 THEN 34 WHEN NEW."closureSecs" < 25832 THEN 35 WHEN NEW."closureSecs" < 30720 THEN 36 WHEN NEW."closureSecs" < 36532 THEN 37 WHEN NEW."closureSecs" < 43445 THEN 38 WHEN NEW."closureSecs" < 51665 THEN 39 WHEN NEW."closureSecs" < 61440 THEN 40 WHEN NEW."closureSecs" < 73065 THEN 41 WHEN NEW."closureSecs" < 86889 THEN 42 WHEN NEW."closureSecs" < 103329 THEN 43 WHEN NEW."closureSecs" < 122880 THEN 44 WHEN NEW."closureSecs" < 146130 THEN 45 WHEN NEW."closureSecs" < 173779 THEN 46 WHEN NEW."closureSecs" < 206659 THEN 47 WHEN NEW."closureSecs" < 245760 THEN 48 WHEN NEW."closureSecs" < 292260 THEN 49 WHEN NEW."closureSecs" < 347557 THEN 50 WHEN NEW."closureSecs" < 413317 THEN 51 WHEN NEW."closureSecs" < 491520 THEN 52 WHEN NEW."closureSecs" < 584519 THEN 53 WHEN NEW."closureSecs" < 695114 THEN 54 WHEN NEW."closureSecs" < 826635 THEN 55 WHEN NEW."closureSecs" < 983040 THEN 56 WHEN NEW."closureSecs" < 1169038 THEN 57 WHEN NEW."closureSecs" < 1390229 THEN 58 WHEN NEW."closureSecs" < 1653270 THEN 59 WHEN NEW."closureSecs" < 1966080 THEN 60 WHEN NEW."closureSecs" < 2338076 THEN 61 WHEN NEW."closureSecs" < 2780457 THEN 62 ELSE 63 END), 1)
      ON CONFLICT ("day", "category", "informationOnly", "metric", "bucket") DO UPDATE SET "n" = s."n" + excluded."n";
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Report_stats" AFTER INSERT OR DELETE ON "Report" FOR EACH ROW EXECUTE FUNCTION "stats_report"();
CREATE TRIGGER "Report_stats_update" AFTER UPDATE ON "Report" FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."decidedOnTime" IS DISTINCT FROM NEW."decidedOnTime" OR OLD."firstDecisionSecs" IS DISTINCT FROM NEW."firstDecisionSecs" OR OLD."closureSecs" IS DISTINCT FROM NEW."closureSecs" OR OLD."receivedDay" IS DISTINCT FROM NEW."receivedDay" OR OLD."category" IS DISTINCT FROM NEW."category" OR OLD."subtype" IS DISTINCT FROM NEW."subtype" OR OLD."informationOnly" IS DISTINCT FROM NEW."informationOnly")
  EXECUTE FUNCTION "stats_report"();
CREATE FUNCTION "stats_status_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD."decidedDay" IS NOT NULL AND OLD."actorId" IS NOT NULL AND OLD."category" IS NOT NULL THEN
      INSERT INTO "StatsHandling" AS s ("day", "actorId", "category", "bucket", "n", "overturned")
      VALUES (OLD."decidedDay", OLD."actorId", OLD."category", CASE WHEN OLD."handlingSecs" IS NULL THEN -1 ELSE (CASE WHEN OLD."handlingSecs" < 60 THEN 0 WHEN OLD."handlingSecs" < 71 THEN 1 WHEN OLD."handlingSecs" < 85 THEN 2 WHEN OLD."handlingSecs" < 101 THEN 3 WHEN OLD."handlingSecs" < 120 THEN 4 WHEN OLD."handlingSecs" < 143 THEN 5 WHEN OLD."handlingSecs" < 170 THEN 6 WHEN OLD."handlingSecs" < 202 THEN 7 WHEN OLD."handlingSecs" < 240 THEN 8 WHEN OLD."handlingSecs" < 285 THEN 9 WHEN OLD."handlingSecs" < 339 THEN 10 WHEN OLD."handlingSecs" < 404 THEN 11 WHEN OLD."handlingSecs" < 480 THEN 12 WHEN OLD."handlingSecs" < 571 THEN 13 WHEN OLD."handlingSecs" < 679 THEN 14 WHEN OLD."handlingSecs" < 807 THEN 15 WHEN OLD."handlingSecs" < 960 THEN 16 WHEN OLD."handlingSecs" < 1142 THEN 17 WHEN OLD."handlingSecs" < 1358 THEN 18 WHEN OLD."handlingSecs" < 1615 THEN 19 WHEN OLD."handlingSecs" < 1920 THEN 20 WHEN OLD."handlingSecs" < 2283 THEN 21 WHEN OLD."handlingSecs" < 2715 THEN 22 WHEN OLD."handlingSecs" < 3229 THEN 23 WHEN OLD."handlingSecs" < 3840 THEN 24 WHEN OLD."handlingSecs" < 4567 THEN 25 WHEN OLD."handlingSecs" < 5431 THEN 26 WHEN OLD."handlingSecs" < 6458 THEN 27 WHEN OLD."handlingSecs" < 7680 THEN 28 WHEN OLD."handlingSecs" < 9133 THEN 29 WHEN OLD."handlingSecs" < 10861 THEN 30 WHEN OLD."handlingSecs" < 12916 THEN 31 WHEN OLD."handlingSecs" < 15360 THEN 32 WHEN OLD."handlingSecs" < 18266 THEN 33 WHEN OLD."handlingSecs" < 21722 THEN 34 WHEN OLD."handlingSecs" < 25832 THEN 35 WHEN OLD."handlingSecs" < 30720 THEN 36 WHEN OLD."handlingSecs" < 36532 THEN 37 WHEN OLD."handlingSecs" < 43445 THEN 38 WHEN OLD."handlingSecs" < 51665 THEN 39 WHEN OLD."handlingSecs" < 61440 THEN 40 WHEN OLD."handlingSecs" < 73065 THEN 41 WHEN OLD."handlingSecs" < 86889 THEN 42 WHEN OLD."handlingSecs" < 103329 THEN 43 WHEN OLD."handlingSecs" < 122880 THEN 44 WHEN OLD."handlingSecs" < 146130 THEN 45 WHEN OLD."handlingSecs" < 173779 THEN 46 WHEN OLD."handlingSecs" < 206659 THEN 47 WHEN OLD."handlingSecs" < 245760 THEN 48 WHEN OLD."handlingSecs" < 292260 THEN 49 WHEN OLD."handlingSecs" < 347557 THEN 50 WHEN OLD."handlingSecs" < 413317 THEN 51 WHEN OLD."handlingSecs" < 491520 THEN 52 WHEN OLD."handlingSecs" < 584519 THEN 53 WHEN OLD."handlingSecs" < 695114 THEN 54 WHEN OLD."handlingSecs" < 826635 THEN 55 WHEN OLD."handlingSecs" < 983040 THEN 56 WHEN OLD."handlingSecs" < 1169038 THEN 57 WHEN OLD."handlingSecs" < 1390229 THEN 58 WHEN OLD."handlingSecs" < 1653270 THEN 59 WHEN OLD."handlingSecs" < 1966080 THEN 60 WHEN OLD."handlingSecs" < 2338076 THEN 61 WHEN OLD."handlingSecs" < 2780457 THEN 62 ELSE 63 END) END, -1,
        CASE WHEN OLD."overturned" THEN -1 ELSE 0 END)
      ON CONFLICT ("day", "actorId", "category", "bucket") DO UPDATE SET "n" = s."n" + excluded."n", "overturned" = s."overturned" + excluded."overturned";
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW."decidedDay" IS NOT NULL AND NEW."actorId" IS NOT NULL AND NEW."category" IS NOT NULL THEN
      INSERT INTO "StatsHandling" AS s ("day", "actorId", "category", "bucket", "n", "overturned")
      VALUES (NEW."decidedDay", NEW."actorId", NEW."category", CASE WHEN NEW."handlingSecs" IS NULL THEN -1 ELSE (CASE WHEN NEW."handlingSecs" < 60 THEN 0 WHEN NEW."handlingSecs" < 71 THEN 1 WHEN NEW."handlingSecs" < 85 THEN 2 WHEN NEW."handlingSecs" < 101 THEN 3 WHEN NEW."handlingSecs" < 120 THEN 4 WHEN NEW."handlingSecs" < 143 THEN 5 WHEN NEW."handlingSecs" < 170 THEN 6 WHEN NEW."handlingSecs" < 202 THEN 7 WHEN NEW."handlingSecs" < 240 THEN 8 WHEN NEW."handlingSecs" < 285 THEN 9 WHEN NEW."handlingSecs" < 339 THEN 10 WHEN NEW."handlingSecs" < 404 THEN 11 WHEN NEW."handlingSecs" < 480 THEN 12 WHEN NEW."handlingSecs" < 571 THEN 13 WHEN NEW."handlingSecs" < 679 THEN 14 WHEN NEW."handlingSecs" < 807 THEN 15 WHEN NEW."handlingSecs" < 960 THEN 16 WHEN NEW."handlingSecs" < 1142 THEN 17 WHEN NEW."handlingSecs" < 1358 THEN 18 WHEN NEW."handlingSecs" < 1615 THEN 19 WHEN NEW."handlingSecs" < 1920 THEN 20 WHEN NEW."handlingSecs" < 2283 THEN 21 WHEN NEW."handlingSecs" < 2715 THEN 22 WHEN NEW."handlingSecs" < 3229 THEN 23 WHEN NEW."handlingSecs" < 3840 THEN 24 WHEN NEW."handlingSecs" < 4567 THEN 25 WHEN NEW."handlingSecs" < 5431 THEN 26 WHEN NEW."handlingSecs" < 6458 THEN 27 WHEN NEW."handlingSecs" < 7680 THEN 28 WHEN NEW."handlingSecs" < 9133 THEN 29 WHEN NEW."handlingSecs" < 10861 THEN 30 WHEN NEW."handlingSecs" < 12916 THEN 31 WHEN NEW."handlingSecs" < 15360 THEN 32 WHEN NEW."handlingSecs" < 18266 THEN 33 WHEN NEW."handlingSecs" < 21722 THEN 34 WHEN NEW."handlingSecs" < 25832 THEN 35 WHEN NEW."handlingSecs" < 30720 THEN 36 WHEN NEW."handlingSecs" < 36532 THEN 37 WHEN NEW."handlingSecs" < 43445 THEN 38 WHEN NEW."handlingSecs" < 51665 THEN 39 WHEN NEW."handlingSecs" < 61440 THEN 40 WHEN NEW."handlingSecs" < 73065 THEN 41 WHEN NEW."handlingSecs" < 86889 THEN 42 WHEN NEW."handlingSecs" < 103329 THEN 43 WHEN NEW."handlingSecs" < 122880 THEN 44 WHEN NEW."handlingSecs" < 146130 THEN 45 WHEN NEW."handlingSecs" < 173779 THEN 46 WHEN NEW."handlingSecs" < 206659 THEN 47 WHEN NEW."handlingSecs" < 245760 THEN 48 WHEN NEW."handlingSecs" < 292260 THEN 49 WHEN NEW."handlingSecs" < 347557 THEN 50 WHEN NEW."handlingSecs" < 413317 THEN 51 WHEN NEW."handlingSecs" < 491520 THEN 52 WHEN NEW."handlingSecs" < 584519 THEN 53 WHEN NEW."handlingSecs" < 695114 THEN 54 WHEN NEW."handlingSecs" < 826635 THEN 55 WHEN NEW."handlingSecs" < 983040 THEN 56 WHEN NEW."handlingSecs" < 1169038 THEN 57 WHEN NEW."handlingSecs" < 1390229 THEN 58 WHEN NEW."handlingSecs" < 1653270 THEN 59 WHEN NEW."handlingSecs" < 1966080 THEN 60 WHEN NEW."handlingSecs" < 2338076 THEN 61 WHEN NEW."handlingSecs" < 2780457 THEN 62 ELSE 63 END) END, 1,
        CASE WHEN NEW."overturned" THEN 1 ELSE 0 END)
      ON CONFLICT ("day", "actorId", "category", "bucket") DO UPDATE SET "n" = s."n" + excluded."n", "overturned" = s."overturned" + excluded."overturned";
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "StatusEvent_stats" AFTER INSERT OR DELETE ON "StatusEvent" FOR EACH ROW EXECUTE FUNCTION "stats_status_event"();
CREATE TRIGGER "StatusEvent_stats_update" AFTER UPDATE OF "decidedDay", "actorId", "category", "handlingSecs", "overturned" ON "StatusEvent"
  FOR EACH ROW EXECUTE FUNCTION "stats_status_event"();
CREATE FUNCTION "stats_target_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "TargetTotal" SET "total" = "total" - 1 WHERE "kind" = OLD."kind" AND "value" = OLD."value";
  ELSE
    INSERT INTO "TargetTotal" AS s ("kind", "value", "total") VALUES (NEW."kind", NEW."value", 1)
      ON CONFLICT ("kind", "value") DO UPDATE SET "total" = s."total" + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "TargetKey_stats" AFTER INSERT OR DELETE ON "TargetKey" FOR EACH ROW EXECUTE FUNCTION "stats_target_key"();
