-- Free-text search: descriptions as search tokens (lib/search/tokens.mjs), indexed by GIN.
-- Existing reports are indexed after the migration by scripts/search-backfill.mjs (the
-- tokens are computed in JavaScript).
-- CreateTable
CREATE TABLE "ReportSearch" (
    "seq" SERIAL NOT NULL,
    "reportId" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ReportSearch_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportSearch_reportId_key" ON "ReportSearch"("reportId");

-- The tokens are already split, lowercased and without accents: the 'simple' configuration
-- only splits them at the spaces (and keeps their positions, for phrases).
CREATE INDEX "ReportSearch_text_idx" ON "ReportSearch" USING GIN (to_tsvector('simple', "text"));

-- AddForeignKey
ALTER TABLE "ReportSearch" ADD CONSTRAINT "ReportSearch_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;
