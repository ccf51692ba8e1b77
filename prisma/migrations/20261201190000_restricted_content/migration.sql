-- AlterTable
ALTER TABLE "User" ADD COLUMN "restrictedContent" BOOLEAN NOT NULL DEFAULT false;
