import { expect, test, type Page } from "@playwright/test";
import { queryOne } from "./support/data-layer";
import { choose, field, localTimeAgo, pageIn, submitAndReadReceipt } from "./support/forms";
import { staffPage } from "./support/staff-session";

/** Everything Chromium refused because of the page's Content-Security-Policy. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

async function fillSpam(page: Page) {
  await choose(page, "channel", "sms");
  await field(page, "sender").fill("+86 139 0000 1111");
  await field(page, "recipient").fill("13800138000");
  await field(page, "receivedAt").fill(localTimeAgo(1));
  await field(page, "description").fill("A text asks me to pay a parcel fee through a link.");
  await field(page, "content").fill("Your parcel is held. Pay at http://parcel-fee.example.org/pay");
  await field(page, "goodFaith").check();
}

test("with JavaScript, the form solves a proof of work in the background and the server accepts it once", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  const violations = cspViolations(page);
  const challenges: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/altcha")) challenges.push(request.url());
  });
  await page.goto("/report/spam");
  // Nothing is fetched for it until the visitor starts answering.
  await page.waitForLoadState("networkidle");
  expect(challenges).toEqual([]);
  await fillSpam(page);

  // Invisible: no widget shows, and the solution lands in a hidden field of the form.
  const solution = page.locator('form[novalidate] altcha-widget input[name="altcha"]');
  await expect(solution).toHaveValue(/^[A-Za-z0-9+/=]{100,}$/, { timeout: 30_000 });
  await expect(page.locator("altcha-widget")).toBeHidden();
  expect(challenges).toHaveLength(1);
  const solved = await solution.inputValue();

  // With JavaScript the page sends the form itself, to show upload progress (send-form.ts).
  const post = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/forms/report");
  await submitAndReadReceipt(page);
  const body = (await post).postData() ?? "";
  const sent = /name="altcha"\r\n\r\n([^\r]+)/.exec(body)?.[1];
  expect(sent, "the post carried the solution").toBe(solved);

  // The server verified it and marked its challenge used (a forged one is never marked).
  const { challenge } = JSON.parse(Buffer.from(sent!, "base64").toString()) as { challenge: { signature: string } };
  expect(queryOne(`SELECT "count" FROM "RateLimitBucket" WHERE "key" = ?`, `altcha|${challenge.signature}`)).toEqual({ count: 1 });
  expect(violations).toEqual([]);
});

test("a form sent before the proof of work is done still goes through", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN");
  await page.route("**/api/v1/altcha", () => {
    // Never answered: the widget keeps waiting, and the visitor must not.
  });
  await page.goto("/report/spam");
  await fillSpam(page);
  await submitAndReadReceipt(page);
});

test("the admin statistics chart draws under the Content-Security-Policy", async ({ browser }) => {
  const { page } = await staffPage(browser, "ADMIN");
  const violations = cspViolations(page);
  await page.goto("/admin/stats");
  await expect(page.locator(".chart svg").first()).toBeVisible();
  expect(violations).toEqual([]);
});
