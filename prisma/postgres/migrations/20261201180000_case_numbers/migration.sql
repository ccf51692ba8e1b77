-- Staff case numbers, R-YYYY-NNNNNN, sequential per year in Beijing time.
-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "caseNumber" TEXT;

-- CreateTable
CREATE TABLE "CaseCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "CaseCounter_pkey" PRIMARY KEY ("year")
);

-- Existing reports get their numbers in the order they arrived, year by year.
UPDATE "Report" AS r SET "caseNumber" = numbered.number
FROM (
    SELECT "id", 'R-' || to_char("submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
           lpad(ROW_NUMBER() OVER (PARTITION BY to_char("submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYY') ORDER BY "submittedAt", "id")::text, 6, '0') AS number
    FROM "Report"
) AS numbered
WHERE numbered."id" = r."id";
INSERT INTO "CaseCounter" ("year", "last")
    SELECT CAST(to_char("submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS INTEGER), COUNT(*) FROM "Report" GROUP BY 1;

-- CreateIndex
CREATE UNIQUE INDEX "Report_caseNumber_key" ON "Report"("caseNumber");
