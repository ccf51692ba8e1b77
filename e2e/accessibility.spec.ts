import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pageIn } from "./support/forms";

export const PUBLIC_PAGES = ["/", "/report/harmful-info", "/report/crime", "/report/spam", "/report/copyright", "/status", "/report/unknown", "/transparency", "/after-you-report", "/privacy"];

for (const locale of ["en", "zh-CN"] as const) {
  test(`axe finds no serious or critical violation on the public pages (${locale})`, async ({ browser }) => {
    const page = await pageIn(browser, locale);
    const found: string[] = [];
    for (const path of PUBLIC_PAGES) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of results.violations) {
        if (v.impact === "serious" || v.impact === "critical") found.push(`${path}: ${v.id} (${v.nodes.length})`);
      }
    }
    // The same pages after a failed submit, with errors showing.
    await page.goto("/report/crime");
    await page.locator("form[novalidate] button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeVisible();
    const errors = await new AxeBuilder({ page }).analyze();
    found.push(...errors.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `errors: ${v.id}`));
    expect(found).toEqual([]);
  });
}

test("no horizontal scrolling at 360 px on any public page, and touch targets of 44 px", async ({ browser }) => {
  for (const locale of ["en", "zh-CN"] as const) {
    const page = await pageIn(browser, locale, { width: 360 });
    for (const path of PUBLIC_PAGES) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${locale} ${path}`).toBeLessThanOrEqual(0);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("main button, main input:not([type=hidden]), main select, main a.button, header a, header button")]
          .map((el) => {
            const target = el.closest("label.choice") ?? el;
            const box = target.getBoundingClientRect();
            return { el: el.outerHTML.slice(0, 60), h: box.height };
          })
          .filter((t) => t.h > 0 && t.h < 44),
      );
      expect(small, `${locale} ${path}`).toEqual([]);
    }
  }
});
