import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { nextCode, usedCode } from "@/lib/server/testing/totp-app";
import { queryOne, runDataScript } from "./support/data-layer";
import { pageIn } from "./support/forms";
import { createStaff, staffPage } from "./support/staff-session";

/** The end-to-end server runs with the default STAFF_2FA=required. */

// A code is never accepted twice, so each further sign-in with the same key waits for the
// authenticator's next 30-second step (nextCode): these tests take minutes by design, on any
// machine, and get room for it.
test.describe.configure({ timeout: 240_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${new URL(page.url()).pathname}: ${v.id}`);
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("main button[type=submit]").click();
}

async function codeStep(page: Page, code: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your code");
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("first sign-in: one-time password, own password, enrolment with the shown key, recovery codes once, then the queue; later a code, never twice, and a recovery code once", async ({ browser }) => {
  const email = `first-${Date.now()}@e2e.test`;
  runDataScript("staff.ts", ["create-otp", email, "one-time-pass-123"]);
  const page = await pageIn(browser, "en");
  await passwordStep(page, email, "one-time-pass-123");
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.locator("#current").fill("one-time-pass-123");
  await page.locator("#next").fill("my own long passphrase");
  await page.locator("#confirm").fill("my own long passphrase");
  await page.getByRole("button", { name: "Save password" }).click();

  // Enrolment, and nothing else, until it is done.
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Your account" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  const key = (await page.getByTestId("totp-key").innerText()).replace(/\s/g, "");
  await page.locator("#enrol-code").fill("123456");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator("#enrol-code-error")).toContainText("That code is not right");
  await page.locator("#enrol-code").fill(await nextCode(key));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await page.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await page.getByRole("link", { name: "I have saved my codes: continue" }).click();
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto("/account/two-factor");
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0); // shown once
  await expect(page.getByText("Two-factor sign-in is already on")).toBeVisible();

  // Out, and in again with a code from the app.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await passwordStep(page, email, "my own long passphrase");
  expect(await seriousViolations(page)).toEqual([]);
  await codeStep(page, await nextCode(key));
  await expect(page).toHaveURL(/\/queue$/);

  // The same code again is refused; a recovery code works, once.
  await page.getByRole("button", { name: "Sign out" }).click();
  await passwordStep(page, email, "my own long passphrase");
  await codeStep(page, usedCode(key));
  await expect(page.getByRole("alert").filter({ hasText: "already used" })).toBeVisible();
  await codeStep(page, codes[0].toUpperCase());
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto("/account/security");
  await expect(page.getByText("9 recovery codes left.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await passwordStep(page, email, "my own long passphrase");
  await codeStep(page, codes[0]);
  await expect(page.getByRole("alert").filter({ hasText: "already used" })).toBeVisible();

  const userId = (queryOne(`SELECT "id" FROM "User" WHERE "email" = ?`, email) as { id: string }).id;
  const actions = (action: string) => (queryOne(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "actorId" = ? AND "action" = ?`, userId, action) as { n: number }).n;
  // Signed in: with the one-time password (no factor yet), then with a code, then a recovery code.
  expect([actions("password-change"), actions("2fa-enrol"), actions("sign-in"), actions("sign-in-recovery-code")]).toEqual([1, 1, 2, 1]);
});

test("without JavaScript: sign in with password and code", async ({ browser }) => {
  const email = `nojs-${Date.now()}@e2e.test`;
  const key = createStaff(email, "e2e-staff-password-1");
  const page = await pageIn(browser, "en", { javaScriptEnabled: false });
  await passwordStep(page, email, "wrong password here");
  await expect(page.getByRole("alert")).toContainText("The email address or password is not right");
  expect(page.url()).not.toContain("password");
  await passwordStep(page, email, "e2e-staff-password-1");
  expect(page.url()).not.toContain("password");
  await codeStep(page, "000000");
  await expect(page.getByRole("alert")).toContainText("That code is not right");
  await codeStep(page, await nextCode(key));
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
});

test("sessions: the account page lists them; ending one, a password change, or the admin's reset signs the others out", async ({ browser }) => {
  const { page: first, email, password, key } = await staffPage(browser, "MODERATOR");
  const second = await pageIn(browser, "en");
  await passwordStep(second, email, password);
  await codeStep(second, await nextCode(key));
  await expect(second).toHaveURL(/\/queue$/);

  await first.getByRole("link", { name: "Your account" }).click();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("Account security");
  const rows = first.locator("table tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(rows.first()).toContainText("Chrome");
  expect(await seriousViolations(first)).toEqual([]);
  await first.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(first.getByRole("status")).toHaveText("Every other session has ended.");
  await second.goto("/queue");
  await expect(second).toHaveURL(/\/login$/);

  // A password change ends the other sessions too.
  await passwordStep(second, email, password);
  await codeStep(second, await nextCode(key));
  await first.goto("/account/password");
  await first.locator("#current").fill(password);
  await first.locator("#next").fill("another long passphrase");
  await first.locator("#confirm").fill("another long passphrase");
  await first.getByRole("button", { name: "Save password" }).click();
  await expect(first.getByRole("status")).toHaveText("Password changed. Your other sessions have ended.");
  await second.goto("/queue");
  await expect(second).toHaveURL(/\/login$/);

  // An admin resets the lost phone: every session ends, and the next sign-in enrols again.
  const { page: admin } = await staffPage(browser, "ADMIN");
  await admin.goto("/admin/staff");
  await expect(admin.locator(`tr[data-email="${email}"]`)).toContainText("Two-factor on");
  await admin.getByRole("button", { name: `Reset two-factor: ${email}` }).click();
  await expect(admin.getByRole("status")).toContainText("Two-factor sign-in reset");
  await first.goto("/queue");
  await expect(first).toHaveURL(/\/login$/);
  await passwordStep(first, email, "another long passphrase");
  await expect(first).toHaveURL(/\/account\/two-factor$/);
});

test("the enrolment and code pages in Chinese", async ({ browser }) => {
  const email = `zh-${Date.now()}@e2e.test`;
  runDataScript("staff.ts", ["create-otp", email, "one-time-pass-123"]);
  const page = await pageIn(browser, "zh-CN");
  await passwordStep(page, email, "one-time-pass-123");
  await page.locator("#current").fill("one-time-pass-123");
  await page.locator("#next").fill("my own long passphrase");
  await page.locator("#confirm").fill("my own long passphrase");
  await page.getByRole("button", { name: "保存密码" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("设置两步验证登录");
  await expect(page.getByRole("img", { name: "供验证器应用扫描的二维码" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const key = (await page.getByTestId("totp-key").innerText()).replace(/\s/g, "");
  await page.locator("#enrol-code").fill(await nextCode(key));
  await page.getByRole("button", { name: "开启两步验证" }).click();
  await expect(page.getByRole("heading", { name: "您的恢复码" })).toBeVisible();
});
