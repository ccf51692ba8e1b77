import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { validReports } from "@/lib/validation/fixtures";
import { queryOne } from "./support/data-layer";

/** The single value of a one-column query. */
const value = (sql: string, ...params: unknown[]) => Object.values((queryOne(sql, ...params) ?? {}) as Record<string, unknown>)[0];
import { pageIn } from "./support/forms";
import { staffPage } from "./support/staff-session";

const ADMIN_PAGES = ["/admin/stats", "/admin/staff", "/admin/partners", "/admin/audit"];
const EXPORTS = ["/api/admin/export/reports?range=7d", "/api/admin/export/stats?range=7d&format=json", "/api/admin/export/audit"];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${new URL(page.url()).pathname}: ${v.id} ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`);
}

test("an admin reads the statistics for a period, as a chart and a table, and downloads the reports as CSV", async ({ browser }) => {
  const { page } = await staffPage(browser, "ADMIN");
  const ids: string[] = [];
  for (const category of ["spam", "crime", "copyright"] as const) {
    const response = await page.request.post("/api/v1/reports", {
      data: { ...validReports[category](), contact: { name: "Private Person", email: "private.person@example.org" } },
    });
    expect(response.status()).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }

  await page.goto("/admin/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistics");
  await page.getByLabel("Last 7 days").check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/range=7d/);
  const received = Number((await page.locator(".stat-card__value").first().innerText()).replace(/\D/g, ""));
  expect(received).toBeGreaterThanOrEqual(3);
  await expect(page.locator(".chart svg").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Table" }).click();
  await expect(page).toHaveURL(/view=table/);
  const series = page.getByRole("table", { name: "Reports received, as a table" });
  await expect(series).toBeVisible();
  await expect(series.locator("tbody tr")).toHaveCount(7);
  await expect(page.getByRole("heading", { name: "By category" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Backlog now" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Reports (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^reports-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("id,case_number,received_at,received_day,category,subtype");
  for (const id of ids) expect(csv).toContain(id);
  expect(csv).not.toContain("private.person@example.org");
  expect(csv).not.toContain("Private Person");
  expect(Number(value(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'export:reports'`))).toBeGreaterThanOrEqual(1);
});

test("an admin creates a moderator, who signs in with the one-time password and must change it; then deactivates them", async ({ browser }) => {
  const { page: admin } = await staffPage(browser, "ADMIN");
  await admin.goto("/admin/staff");
  expect(await seriousViolations(admin)).toEqual([]);
  const email = `new-moderator-${Date.now()}@e2e.test`;
  await admin.getByLabel("Name").fill("New Moderator");
  await admin.getByLabel("Email address").fill(email);
  await admin.getByLabel("Role").selectOption("MODERATOR");
  await admin.getByRole("button", { name: "Create account" }).click();
  const oneTime = (await admin.getByTestId("one-time-password").innerText()).trim();
  expect(oneTime).toMatch(/^[A-Za-z0-9]{16}$/);
  await admin.reload();
  await expect(admin.locator(`tr[data-email="${email}"]`)).toContainText("Must change password");
  await expect(admin.getByTestId("one-time-password")).toHaveCount(0); // shown once only

  const moderator = await pageIn(browser, "en");
  await moderator.goto("/login");
  await moderator.locator("#email").fill(email);
  await moderator.locator("#password").fill(oneTime);
  await moderator.locator("main button[type=submit]").click();
  await expect(moderator).toHaveURL(/\/account\/password$/);
  await moderator.goto("/queue");
  await expect(moderator).toHaveURL(/\/account\/password$/);
  await moderator.locator("#current").fill(oneTime);
  await moderator.locator("#next").fill("a brand new passphrase");
  await moderator.locator("#confirm").fill("a brand new passphrase");
  await moderator.getByRole("button", { name: "Save password" }).click();
  await expect(moderator).toHaveURL(/\/account\/two-factor$/); // STAFF_2FA=required: enrol next

  // Deactivating asks first; cancelling changes nothing.
  await admin.getByRole("link", { name: `Deactivate: ${email}` }).click();
  await expect(admin.getByRole("heading", { name: `Deactivate ${email}?` })).toBeVisible();
  await admin.getByRole("link", { name: "Cancel" }).click();
  await expect(admin.locator(`tr[data-email="${email}"]`)).toContainText("Active");
  await admin.getByRole("link", { name: `Deactivate: ${email}` }).click();
  await admin.getByRole("button", { name: "Deactivate the account" }).click();
  await expect(admin.getByRole("status")).toContainText("Account deactivated");
  await moderator.goto("/queue");
  await expect(moderator).toHaveURL(/\/login$/);
  const userId = value(`SELECT "id" FROM "User" WHERE "email" = ?`, email) as string;
  const audited = (action: string) => Number(value(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = ? AND "after" LIKE ?`, action, `%${userId}%`));
  expect([audited("staff-create"), audited("staff-deactivate")]).toEqual([1, 1]);
});

test("a demoted admin loses the administration pages at their next request", async ({ browser }) => {
  const { page, email } = await staffPage(browser, "ADMIN");
  await page.goto("/admin/staff");
  const admins = Number(value(`SELECT COUNT(*) AS n FROM "User" WHERE "role" = 'ADMIN' AND "active"`));
  expect(admins).toBeGreaterThan(1); // the e2e admin and this one: demoting works
  await page.getByRole("button", { name: `Make moderator: ${email}` }).click();
  // The very next request, the redirect back to the list, already sees the new role.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  expect((await page.goto("/admin/staff"))?.status()).toBe(403);
  expect(value(`SELECT "role" FROM "User" WHERE "email" = ?`, email)).toBe("MODERATOR");
});

test("a moderator is refused every administration page and export; a signed-out visitor is sent to sign in", async ({ browser }) => {
  const { page } = await staffPage(browser, "MODERATOR");
  for (const path of ADMIN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  }
  for (const path of EXPORTS) expect((await page.request.get(path)).status(), path).toBe(403);
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);

  const visitor = await pageIn(browser, "en");
  for (const path of ADMIN_PAGES) {
    await visitor.goto(path);
    await expect(visitor).toHaveURL(/\/login$/);
  }
  for (const path of EXPORTS) expect((await visitor.request.get(path)).status(), path).toBe(401);
});

test("the public transparency page suppresses small numbers, in both languages, with a CSV", async ({ browser }) => {
  for (const [locale, title] of [["en", "Transparency report"], ["zh-CN", "透明度报告"]] as const) {
    const page = await pageIn(browser, locale);
    await page.goto("/");
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("table")).toHaveCount(4);
    await expect(page.locator("tbody tr").first().locator("td").first()).toHaveText(/^(<5|\d[\d,]*)$/);
    const csv = await page.request.get("/transparency/csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("category,month,received,actioned,forwarded,rejected,median_days_to_decision");
    expect(lines).toHaveLength(1 + 4 * 12);
    for (const line of lines.slice(1)) {
      for (const cell of line.split(",").slice(2, 6)) expect(cell === "<5" || Number(cell) >= 5, line).toBe(true);
    }
  }
});
