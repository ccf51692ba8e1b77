-- An admin's per-category choices: linking new reports on known targets automatically.
-- CreateTable
CREATE TABLE "CategorySetting" (
    "category" TEXT NOT NULL PRIMARY KEY,
    "autoLinkKnown" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);
