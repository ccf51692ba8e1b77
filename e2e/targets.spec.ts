import { expect, test } from "@playwright/test";
import { validSpam } from "@/lib/validation/fixtures";
import { pageIn, statusOf } from "./support/forms";
import { staffPage } from "./support/staff-session";

/**
 * A national centre's case: twenty citizens report the same number. The moderator handles
 * them as one target, in one decision, and each reporter reads the outcome in their language.
 */
test("a moderator handles a 20-report target in one bulk decision; a Chinese reporter reads the outcome in Chinese", async ({ browser }) => {
  const { page } = await staffPage(browser);
  const sender = `+86 139 ${String(Date.now()).slice(-4)} ${String(Date.now()).slice(-8, -4)}`;
  const receipts: string[] = [];
  for (let i = 0; i < 20; i++) {
    const response = await page.request.post("/api/v1/reports", {
      data: { ...validSpam(), sender, recipient: `1365555${String(2000 + i)}`, content: `Your parcel ${i} is held; pay the fee.`, locale: i % 2 === 0 ? "zh-CN" : "en" },
    });
    expect(response.status()).toBe(201);
    receipts.push(((await response.json()) as { receipt: string }).receipt);
  }

  let clicks = 0;
  await page.goto("/queue");
  await page.getByRole("link", { name: "Targets", exact: true }).click();
  clicks++;
  await expect(page).toHaveURL(/view=targets/);
  // The campaign's row, found by its number as the target key holds it (E.164), says 20 open reports.
  const e164 = `+${sender.replace(/\D/g, "")}`;
  const campaignRow = page.locator("table.queue tbody tr", { has: page.getByRole("link", { name: e164, exact: true }) });
  await expect(campaignRow.locator("td strong").first()).toHaveText("20");
  await campaignRow.getByRole("link", { name: e164, exact: true }).click();
  clicks++;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Phone number");
  await expect(page.locator('input[name="reportId"]:checked')).toHaveCount(20);
  await page.getByLabel("Action taken", { exact: true }).check();
  clicks++;
  await page.getByRole("button", { name: "Record the decision for the chosen reports" }).click();
  clicks++;
  await expect(page.getByRole("status")).toHaveText("20 reports decided. None skipped.");
  await expect(page.getByText("No report about this target is open.")).toBeVisible();
  console.log(`handled a 20-report target in ${clicks} clicks`);
  expect(clicks).toBeLessThanOrEqual(4);

  const reporter = await pageIn(browser, "zh-CN", { width: 360 });
  expect(await statusOf(reporter, receipts[0])).toBe("已处置");
  await expect(reporter.locator(".thread li.from-staff")).toContainText("发送方号码或地址已报送运营商予以封停。");
});

test("an admin switches on linking to the earlier decision for spam; the next report on that number joins it at once", async ({ browser }) => {
  const { page: moderator } = await staffPage(browser);
  const sender = `+86 137 ${String(Date.now()).slice(-4)} ${String(Date.now()).slice(-8, -4)}`;
  const first = await moderator.request.post("/api/v1/reports", { data: { ...validSpam(), sender } });
  const { id } = (await first.json()) as { id: string };
  await moderator.goto(`/queue/${id}`);
  await moderator.getByRole("button", { name: "Claim" }).click();
  await moderator.getByLabel("Action taken", { exact: true }).check();
  await moderator.getByRole("button", { name: /Record/ }).click();
  await expect(moderator.getByRole("status").getByText("Decided: Actioned.")).toBeVisible();

  const { page: admin } = await staffPage(browser, "ADMIN");
  await admin.goto("/admin/categories");
  const spam = admin.locator('li[data-category="spam"]');
  await expect(spam).toContainText("Unwanted messages and calls");
  await expect(spam).toContainText("automatically: Off");
  await spam.getByRole("button", { name: /Switch on/ }).click();
  await expect(admin.getByRole("status")).toContainText("Saved");
  try {
    await expect(spam).toContainText("automatically: On");
    const later = await moderator.request.post("/api/v1/reports", { data: { ...validSpam(), sender, locale: "zh-CN" } });
    const body = (await later.json()) as { status: string; receipt: string };
    expect(body.status).toBe("duplicate");
    const reporter = await pageIn(browser, "zh-CN", { width: 360 });
    expect(await statusOf(reporter, body.receipt)).toBe("已与先前的举报合并");
    await admin.goto("/admin/audit?action=auto-link");
    await expect(admin.getByText(/The system joined report R-\d{4}-\d{6} to R-\d{4}-\d{6}/).first()).toBeVisible();
  } finally {
    await admin.goto("/admin/categories");
    await spam.getByRole("button", { name: /Switch off/ }).click();
    await expect(spam).toContainText("automatically: Off");
  }
});
