-- An admin's per-category choices: linking new reports on known targets automatically.
-- CreateTable
CREATE TABLE "CategorySetting" (
    "category" TEXT NOT NULL,
    "autoLinkKnown" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CategorySetting_pkey" PRIMARY KEY ("category")
);
