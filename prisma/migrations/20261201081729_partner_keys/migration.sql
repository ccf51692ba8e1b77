-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "rateLimit" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedById" TEXT
);

-- CreateTable
CREATE TABLE "PartnerUsage" (
    "partnerId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "reports" INTEGER NOT NULL DEFAULT 0,
    "lastAt" DATETIME NOT NULL,

    PRIMARY KEY ("partnerId", "day"),
    CONSTRAINT "PartnerUsage_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
-- Written by hand instead of Prisma's table rebuild: the rebuild would drop the statistics
-- triggers on "Report" (and copy every report). SQLite may add a column with a foreign key
-- in place when its default is NULL.
ALTER TABLE "Report" ADD COLUMN "partnerId" TEXT REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "Partner_keyHash_key" ON "Partner"("keyHash");

