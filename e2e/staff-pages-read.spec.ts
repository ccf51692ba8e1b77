import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { validReports } from "@/lib/validation/fixtures";
import { pageIn } from "./support/forms";
import { staffPage } from "./support/staff-session";

/**
 * Staff and admin pages read well in both languages at 1280 px: no table cell narrower than
 * the longest word it holds, a chart legend in readable colours, audit rows as sentences, and
 * a deactivation that asks first and is never offered on one's own account.
 */
const LOCALES = [
  ["en-GB", "en"],
  ["zh-CN", "zh-CN"],
] as const;

/** Cells narrower than the widest unbreakable word they hold (measured with a Range per word). */
async function squeezedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>("table th, table td")) {
      const text = cell.textContent ?? "";
      const inner = cell.clientWidth - parseFloat(getComputedStyle(cell).paddingLeft) - parseFloat(getComputedStyle(cell).paddingRight);
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? "").matchAll(/[A-Za-z0-9’'().,:%]{2,}/g)) {
          // (A hyphen is a break opportunity, as in any text.)
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const rects = [...range.getClientRects()];
          // A word laid out on more than one line, or wider than its cell, was squeezed.
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          const width = rects.reduce((w, r) => w + r.width, 0);
          if (lines > 1 || width > inner + 1) problems.push(`${match[0]} in “${text.trim().slice(0, 40)}” (${Math.round(width)} px in ${Math.round(inner)} px, ${lines} lines)`);
        }
      }
    }
    return problems;
  });
}

async function withReports(page: Page) {
  for (const category of ["harmful-info", "crime", "spam", "copyright"] as const) {
    const response = await page.request.post("/api/v1/reports", { data: validReports[category]() });
    expect(response.status()).toBe(201);
  }
}

for (const [locale, lang] of LOCALES) {
  test(`/admin/stats and /transparency tables never squeeze a word, and the legend passes contrast (${lang})`, async ({ browser }) => {
    const { page } = await staffPage(browser, "ADMIN", locale);
    await withReports(page);
    await page.goto("/admin/stats?range=30d&view=table");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    expect(await page.locator("table").count()).toBeGreaterThan(2);
    expect(await squeezedCells(page)).toEqual([]);
    // On a phone the tables scroll inside their region instead of squeezing their words.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await squeezedCells(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/admin/stats?range=30d");

    // The legend: body-coloured text, in the order of the stack from the top.
    const legend = page.locator(".chart-legend");
    await legend.scrollIntoViewIfNeeded();
    await expect(legend.locator("li")).toHaveCount(4);
    const contrast = await new AxeBuilder({ page }).include(".chart-legend").withRules(["color-contrast"]).analyze();
    expect(contrast.violations).toEqual([]);
    expect(contrast.incomplete).toEqual([]);
    expect(contrast.passes.length).toBeGreaterThan(0);
    const heading = await page.locator("#series-title").innerText();
    expect(heading).toBe(lang === "en" ? "Reports received per day" : "每日收到的举报");

    const visitor = await pageIn(browser, lang);
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await visitor.goto("/transparency");
    expect(await visitor.locator("table").count()).toBeGreaterThan(3);
    expect(await squeezedCells(visitor)).toEqual([]);
    await visitor.setViewportSize({ width: 360, height: 800 });
    expect(await squeezedCells(visitor)).toEqual([]);
  });
}

async function auditRows(browser: Browser, locale: "en-GB" | "zh-CN") {
  const { page, email } = await staffPage(browser, "ADMIN", locale);
  await page.goto(`/admin/audit`);
  return { page, email };
}

test("the audit log reads as sentences in the reader's language, with what changed as a list", async ({ browser }) => {
  const { page, email } = await auditRows(browser, "en-GB");
  // Signing in wrote this admin's own rows; one of them reads as a sentence naming them.
  const signIn = page.locator('tr[data-action="sign-in"]').first();
  await expect(signIn.locator(".audit-event")).toHaveText(`${email} signed in.`);
  for (const text of await page.locator("td.audit-event").allInnerTexts()) {
    expect(text).not.toMatch(/^[a-z0-9-]+:[a-z-]+$|[{}"]/);
    expect(text).toMatch(/[.。)）]$/);
  }
  await expect(page.locator("table")).not.toContainText('{"');

  const { page: zh, email: zhEmail } = await auditRows(browser, "zh-CN");
  await expect(zh.locator('tr[data-action="sign-in"]').first().locator(".audit-event")).toHaveText(`${zhEmail} 登录。`);
  expect(await squeezedCells(zh)).toEqual([]);
});

test("deactivation is not offered on one's own account", async ({ browser }) => {
  const { page, email } = await staffPage(browser, "ADMIN");
  await page.goto("/admin/staff");
  await expect(page.locator(`tr[data-email="${email}"]`)).toBeVisible();
  await expect(page.getByRole("link", { name: `Deactivate: ${email}` })).toHaveCount(0);
  // Nor by its address: the confirmation is not shown for oneself.
  const me = await page.locator(`tr[data-email="${email}"]`).getAttribute("data-id");
  await page.goto(`/admin/staff?deactivate=${me}`);
  await expect(page.locator("#confirm-deactivate")).toHaveCount(0);
});
