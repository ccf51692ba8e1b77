import { expect, test } from "@playwright/test";
import { validSpam } from "@/lib/validation/fixtures";
import { queryOne, runDataScript } from "./support/data-layer";
import { field, pageIn, statusOf } from "./support/forms";

test("staff ask for more information; the reporter reads it on /status and answers", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  const created = await page.request.post("/api/v1/reports", { data: validSpam() });
  const { receipt, id } = await created.json();

  runDataScript("staff-message.ts", [receipt, "Which number did the message come from, exactly?"]);

  expect(await statusOf(page, receipt)).toBe("We need more information from you");
  const thread = page.locator(".thread");
  await expect(thread.locator("li.from-staff")).toContainText("Which number did the message come from, exactly?");
  await expect(thread).toContainText("Review team");

  await field(page, "body").fill("It came from 106 9000 0123, at 10:02.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("status")).toHaveText("Your message was added.");
  await expect(thread.locator("li.from-reporter")).toContainText("It came from 106 9000 0123, at 10:02.");
  await expect(page.locator(".status-tag")).toHaveText("Being reviewed");

  const stored = queryOne('SELECT "author", "body" FROM "Message" WHERE "reportId" = ? AND "author" = ?', id, "reporter");
  expect(stored).toEqual({ author: "reporter", body: "It came from 106 9000 0123, at 10:02." });
});

test("an unknown receipt gets a plain message in the visitor's language", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN");
  await page.goto("/status");
  await field(page, "receipt").fill("AAAA-BBBB-CCCC-DDDD-EEEE");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator(".form-error")).toHaveText("没有与该回执码对应的举报，请核对后重试。");
  await expect(field(page, "receipt")).toHaveValue("AAAA-BBBB-CCCC-DDDD-EEEE");
});

test("the language switch is remembered, and an unknown category is a 404 in that language", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN");
  await page.goto("/status");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check a report");
  const response = await page.goto("/report/weather");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
