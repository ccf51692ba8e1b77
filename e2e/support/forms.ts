import { expect, type Browser, type Page } from "@playwright/test";

export async function pageIn(browser: Browser, locale: "en" | "zh-CN", options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser.newContext({
    locale: locale === "en" ? "en-GB" : "zh-CN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1000, height: 900 },
    timezoneId: "Asia/Shanghai",
  });
  return context.newPage();
}

export const field = (page: Page, name: string) => page.locator(`#f-${name.replace(/\./g, "-")}`);
export const choose = (page: Page, name: string, value: string) => page.check(`input[name="${name}"][value="${value}"]`);

/** An hour ago, as a datetime-local input value. */
export function localTimeAgo(hours: number): string {
  const d = new Date(Date.now() - hours * 3600 * 1000 + 8 * 3600 * 1000); // shown in GMT+8
  return d.toISOString().slice(0, 16);
}

/** Sends the form and returns the receipt from the confirmation page. */
export async function submitAndReadReceipt(page: Page): Promise<string> {
  await page.locator("form[novalidate] button[type=submit]").click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  const code = (await receipt.innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  expect(page.url()).not.toContain(code);
  // One h1 (the category's), and the code wraps only between its groups of four.
  await expect(page.locator("h1")).toHaveCount(1);
  const lines = await page.locator(".receipt-group").evaluateAll((groups) => groups.map((g) => g.getClientRects().length));
  expect(lines).toEqual([1, 1, 1, 1, 1]);
  return code;
}

/** Looks a receipt up on /status and returns the status text shown. */
export async function statusOf(page: Page, receipt: string): Promise<string> {
  await page.goto("/status");
  await field(page, "receipt").fill(receipt);
  await page.locator("form button[type=submit]").last().click();
  const tag = page.locator(".status-tag");
  await expect(tag).toBeVisible();
  expect(page.url()).not.toContain(receipt);
  return tag.innerText();
}
