import { expect, test, type Page } from "@playwright/test";
import { holds, type Condition } from "@/lib/categories/declaration";
import type { FieldSpec } from "@/lib/categories/fields";
import { pageIn } from "./support/forms";

/**
 * Which questions each form shows, checked against the rules the API's field list states
 * (GET /api/v1/categories): for every rule that hides or shows a question, every answer to
 * the question it reads. The rules themselves are checked against the schema in
 * lib/categories/rules.test.ts.
 */

type Catalogue = { categories: { slug: string; fields: FieldSpec[] }[] };

/** The page's locale: a hidden control, not a question. */
const NOT_QUESTIONS = new Set(["locale"]);

const question = (page: Page, name: string) => page.locator(`#f-${name}`);

async function answer(page: Page, name: string, value: string) {
  const select = page.locator(`select[name="${name}"]`);
  if (await select.count()) await select.selectOption(value);
  else await page.check(`input[name="${name}"][value="${value}"]`);
}

/** The one top-level field a visibility rule reads, if it is a choice the form offers. */
function readField(condition: Condition | undefined): string | undefined {
  if (!condition || "all" in condition || !("is" in condition || "isNot" in condition)) return undefined;
  return condition.field;
}

test.describe("each form asks the questions its rules call for", () => {
  let catalogue: Catalogue;
  test.beforeAll(async ({ request }) => {
    catalogue = await (await request.get("/api/v1/categories")).json();
  });

  test("without JavaScript every question is on the page, in the field list's order", async ({ browser }) => {
    const page = await pageIn(browser, "en", { javaScriptEnabled: false });
    for (const { slug, fields } of catalogue.categories) {
      await page.goto(`/report/${slug}`);
      const names = fields.filter((f) => !NOT_QUESTIONS.has(f.name)).map((f) => f.name);
      for (const name of names) await expect(question(page, name), `${slug}: ${name}`).toHaveCount(1);
      // A question that is sometimes required is not marked "(optional)" before JavaScript knows.
      for (const f of fields.filter((f) => f.requirement !== "optional")) {
        await expect(page.locator(`label[for="f-${f.name}"] .optional`), `${slug}: ${f.name}`).toHaveCount(0);
      }
      // The declaration's order is the form's: the error summary and the API list follow it.
      const onPage = await page.evaluate((ids) => {
        const els = ids.map((id) => document.getElementById(`f-${id}`)!);
        return [...ids].sort((a, b) => (els[ids.indexOf(a)].compareDocumentPosition(els[ids.indexOf(b)]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      }, names);
      expect(onPage, slug).toEqual(names);
    }
  });

  test("with JavaScript, each answer shows and hides what the field list says", async ({ browser }) => {
    const page = await pageIn(browser, "en");
    let checked = 0;
    for (const { slug, fields } of catalogue.categories) {
      const ruled = fields.filter((f) => f.rules?.askedWhen || f.rules?.forbiddenWhen);
      const read = [...new Set(ruled.flatMap((f) => [readField(f.rules?.askedWhen), readField(f.rules?.forbiddenWhen)]).filter((n) => n !== undefined))];
      for (const name of read) {
        const choice = fields.find((f) => f.name === name)!;
        const values = choice.type === "boolean" ? ["true", "false"] : (choice.values ?? []);
        for (const value of values) {
          await page.goto(`/report/${slug}`);
          await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
          await answer(page, name, value);
          const answers = { [name]: value };
          for (const f of fields.filter((f) => !NOT_QUESTIONS.has(f.name))) {
            const { askedWhen, forbiddenWhen } = f.rules ?? {};
            // Rules that read another answer, still unanswered here, are left to their own turn.
            if ([askedWhen, forbiddenWhen].some((c) => c && readField(c) !== name)) continue;
            const asked = (!askedWhen || holds(askedWhen, answers)) && !(forbiddenWhen && holds(forbiddenWhen, answers));
            await expect(question(page, f.name), `${slug}: ${name}=${value} → ${f.name}`).toHaveCount(asked ? 1 : 0);
            checked++;
          }
        }
      }
    }
    // Every category has at least one rule that the form follows.
    expect(checked).toBeGreaterThan(100);
  });
});
