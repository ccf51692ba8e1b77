import "server-only";
import { CATEGORIES, isCategory, type Category } from "@/lib/validation/options";
import { db } from "../db";
import { audit } from "../moderation/audit";

export type CategorySettings = { category: Category; autoLinkKnown: boolean };

/** Every category's settings; a category without a row has the defaults (all off). */
export async function listCategorySettings(): Promise<CategorySettings[]> {
  const rows = await db.categorySetting.findMany();
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  return CATEGORIES.map((category) => ({ category, autoLinkKnown: byCategory.get(category)?.autoLinkKnown ?? false }));
}

export class CategorySettingError extends Error {
  constructor(readonly code: "not_found") {
    super(code);
  }
}

/** Switches automatic linking to earlier decisions on or off for one category; audited. */
export async function setAutoLinkKnown(category: string, on: boolean, actor: { id: string }): Promise<void> {
  if (!isCategory(category)) throw new CategorySettingError("not_found");
  await db.$transaction(async (tx) => {
    const was = (await tx.categorySetting.findUnique({ where: { category } }))?.autoLinkKnown ?? false;
    if (was === on) return;
    await tx.categorySetting.upsert({ where: { category }, create: { category, autoLinkKnown: on }, update: { autoLinkKnown: on } });
    await audit(tx, { actorId: actor.id, action: "category-setting", before: { category, autoLinkKnown: was }, after: { category, autoLinkKnown: on } });
  });
}
