-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
INSERT INTO "new_Report" ("category", "claimExpiresAt", "claimedById", "closedAt", "contact", "description", "details", "dueHour", "duplicateOfId", "expectedBy", "firstDecisionAt", "forwardReference", "forwardedToId", "id", "informationOnly", "locale", "receiptHash", "replyPending", "severity", "status", "submittedAt", "subtype", "targetCount", "updatedAt") SELECT "category", "claimExpiresAt", "claimedById", "closedAt", "contact", "description", "details", "dueHour", "duplicateOfId", "expectedBy", "firstDecisionAt", "forwardReference", "forwardedToId", "id", "informationOnly", "locale", "receiptHash", "replyPending", "severity", "status", "submittedAt", "subtype", "targetCount", "updatedAt" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE UNIQUE INDEX "Report_receiptHash_key" ON "Report"("receiptHash");
CREATE INDEX "Report_category_submittedAt_idx" ON "Report"("category", "submittedAt");
CREATE INDEX "Report_status_expectedBy_idx" ON "Report"("status", "expectedBy");
CREATE INDEX "Report_isOpen_severity_dueHour_targetCount_id_idx" ON "Report"("isOpen", "severity" DESC, "dueHour", "targetCount" DESC, "id");
CREATE INDEX "Report_status_severity_dueHour_targetCount_id_idx" ON "Report"("status", "severity" DESC, "dueHour", "targetCount" DESC, "id");
CREATE INDEX "Report_submittedAt_idx" ON "Report"("submittedAt");
CREATE INDEX "Report_claimedById_replyPending_idx" ON "Report"("claimedById", "replyPending");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Rows copied from the old table took the default; set the flag from their status.
UPDATE "Report" SET "isOpen" = ("status" IN ('received', 'in-review', 'needs-info'));
