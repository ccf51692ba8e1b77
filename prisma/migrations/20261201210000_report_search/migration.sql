-- Free-text search: descriptions as search tokens (lib/search/tokens.mjs), indexed by FTS5.
-- Existing reports are indexed after the migration by scripts/search-backfill.mjs (the
-- tokens are computed in JavaScript).
-- CreateTable
CREATE TABLE "ReportSearch" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "ReportSearch_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportSearch_reportId_key" ON "ReportSearch"("reportId");

-- The index itself: an external-content FTS5 table over "ReportSearch"."text". The tokens are
-- already split, lowercased and without accents; unicode61 only splits them at the spaces.
CREATE VIRTUAL TABLE "ReportSearchIndex" USING fts5("text", content='ReportSearch', content_rowid='seq', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER "ReportSearch_index_insert" AFTER INSERT ON "ReportSearch" BEGIN
  INSERT INTO "ReportSearchIndex" (rowid, "text") VALUES (NEW."seq", NEW."text");
END;
CREATE TRIGGER "ReportSearch_index_delete" AFTER DELETE ON "ReportSearch" BEGIN
  INSERT INTO "ReportSearchIndex" ("ReportSearchIndex", rowid, "text") VALUES ('delete', OLD."seq", OLD."text");
END;
CREATE TRIGGER "ReportSearch_index_update" AFTER UPDATE ON "ReportSearch" BEGIN
  INSERT INTO "ReportSearchIndex" ("ReportSearchIndex", rowid, "text") VALUES ('delete', OLD."seq", OLD."text");
  INSERT INTO "ReportSearchIndex" (rowid, "text") VALUES (NEW."seq", NEW."text");
END;
