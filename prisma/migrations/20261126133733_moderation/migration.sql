-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "StaffSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InternalNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InternalNote_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "category" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "reportId" TEXT,
    "before" TEXT,
    "after" TEXT,
    CONSTRAINT "AuditEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "category" TEXT NOT NULL,
    "subtype" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "receiptHash" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "contact" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "severity" INTEGER NOT NULL DEFAULT 0,
    "informationOnly" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expectedBy" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "dueHour" INTEGER NOT NULL DEFAULT 0,
    "targetCount" INTEGER NOT NULL DEFAULT 0,
    "claimedById" TEXT,
    "claimExpiresAt" DATETIME,
    "replyPending" BOOLEAN NOT NULL DEFAULT false,
    "duplicateOfId" TEXT,
    "forwardedToId" TEXT,
    "forwardReference" TEXT,
    "firstDecisionAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "Report_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Report_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Report" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Report_forwardedToId_fkey" FOREIGN KEY ("forwardedToId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("category", "contact", "description", "details", "expectedBy", "id", "informationOnly", "locale", "receiptHash", "severity", "status", "submittedAt", "subtype", "updatedAt") SELECT "category", "contact", "description", "details", "expectedBy", "id", "informationOnly", "locale", "receiptHash", "severity", "status", "submittedAt", "subtype", "updatedAt" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE UNIQUE INDEX "Report_receiptHash_key" ON "Report"("receiptHash");
CREATE INDEX "Report_category_submittedAt_idx" ON "Report"("category", "submittedAt");
CREATE INDEX "Report_status_expectedBy_idx" ON "Report"("status", "expectedBy");
CREATE INDEX "Report_status_severity_dueHour_targetCount_id_idx" ON "Report"("status", "severity" DESC, "dueHour", "targetCount" DESC, "id");
CREATE INDEX "Report_submittedAt_idx" ON "Report"("submittedAt");
CREATE INDEX "Report_claimedById_idx" ON "Report"("claimedById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

-- The audit log is append-only: refuse any change or removal at the database level.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The responsible agencies, one per category to start with.
INSERT INTO "Agency" ("id", "category", "nameEn", "nameZh", "active") VALUES
  ('internet-information-centre', 'harmful-info', 'Illegal and Harmful Information Reporting Centre (12377)', '违法和不良信息举报中心（12377）', true),
  ('cyber-police', 'crime', 'Public Security Cyber Police', '公安机关网安部门（网警）', true),
  ('anti-spam-centre', 'spam', 'Anti-Spam Centre (12321)', '网络不良与垃圾信息举报受理中心（12321）', true),
  ('copyright-administration', 'copyright', 'Copyright Administration (12390)', '版权管理部门（12390）', true);
