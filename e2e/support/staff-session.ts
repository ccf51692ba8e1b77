import { expect, type Browser, type Page } from "@playwright/test";
import { runDataScript } from "./data-layer";
import { nextCode } from "@/lib/server/testing/totp-app";

let n = 0;

/** A staff account with a second factor, made through the data layer; returns its TOTP key. */
export function createStaff(email: string, password: string, role: "MODERATOR" | "ADMIN" = "MODERATOR"): string {
  return (JSON.parse(runDataScript("staff.ts", ["create", email, password, role])) as { key: string }).key;
}

/** A new staff account in its own browser context, signed in through /login. */
export async function staffPage(browser: Browser, role: "MODERATOR" | "ADMIN" = "MODERATOR", locale = "en-GB") {
  const email = `${role.toLowerCase()}${++n}-${Date.now()}@e2e.test`;
  const password = "e2e-staff-password-1";
  const key = createStaff(email, password, role);
  const context = await browser.newContext({ locale, timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, password, key);
  return { page, email, password, key, name: email.split("@")[0] };
}

/** Both steps of /login: the password, then the current code of the account's app. */
export async function signIn(page: Page, email: string, password: string, key: string) {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("main button[type=submit]").click();
  await expect(page.locator("#code")).toBeVisible();
  await page.locator("#code").fill(await nextCode(key));
  await page.locator("main form button[type=submit]").first().click();
  await expect(page).toHaveURL(/\/queue$/);
}
