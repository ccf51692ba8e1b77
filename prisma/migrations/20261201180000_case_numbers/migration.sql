-- Staff case numbers, R-YYYY-NNNNNN, sequential per year in Beijing time.
-- Written by hand: ALTER TABLE ADD COLUMN in place (Prisma's table rebuild would drop the
-- statistics triggers on "Report").
ALTER TABLE "Report" ADD COLUMN "caseNumber" TEXT;

-- CreateTable
CREATE TABLE "CaseCounter" (
    "year" INTEGER NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL
);

-- Existing reports get their numbers in the order they arrived, year by year.
UPDATE "Report" SET "caseNumber" = (
    SELECT 'R-' || "numbered"."year" || '-' || printf('%06d', "numbered"."n")
    FROM (
        SELECT "id", strftime('%Y', "submittedAt", '+8 hours') AS "year",
               ROW_NUMBER() OVER (PARTITION BY strftime('%Y', "submittedAt", '+8 hours') ORDER BY "submittedAt", "id") AS "n"
        FROM "Report"
    ) AS "numbered"
    WHERE "numbered"."id" = "Report"."id"
);
INSERT INTO "CaseCounter" ("year", "last")
    SELECT CAST(strftime('%Y', "submittedAt", '+8 hours') AS INTEGER), COUNT(*) FROM "Report" GROUP BY 1;

-- CreateIndex
CREATE UNIQUE INDEX "Report_caseNumber_key" ON "Report"("caseNumber");
