import { expect, type Browser, type Page } from "@playwright/test";
import { runDataScript } from "./data-layer";

let n = 0;

/** A new staff account in its own browser context, signed in through /login. */
export async function staffPage(browser: Browser, role: "MODERATOR" | "ADMIN" = "MODERATOR", locale = "en-GB") {
  const email = `${role.toLowerCase()}${++n}-${Date.now()}@e2e.test`;
  const password = "e2e-staff-password-1";
  runDataScript("staff.ts", ["create", email, password, role]);
  const context = await browser.newContext({ locale, timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { page, email, name: email.split("@")[0] };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("main button[type=submit]").click();
  await expect(page).toHaveURL(/\/queue$/);
}
