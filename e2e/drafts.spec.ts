import { expect, test, type Page } from "@playwright/test";
import { choose, field, localTimeAgo, pageIn, submitAndReadReceipt } from "./support/forms";

/** Answers are kept in the browser tab while a form is open (components/report-form/use-draft.ts). */

const draftOf = (page: Page, category: string) => page.evaluate((key) => sessionStorage.getItem(key), `report-draft:${category}`);

async function opened(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
}

test("on a phone in Chinese, a draft survives a reload and a language switch, the browser warns before leaving, and sending clears it", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN", { width: 360 });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await opened(page, "/report/spam");
  await choose(page, "channel", "sms");
  await field(page, "sender").fill("+86 139 0000 1111");
  await field(page, "content").fill("您的包裹被扣留，请点击 http://parcel-fee.example.org/pay 缴费。");
  await field(page, "description").fill("冒充快递的短信，要求点击链接缴纳关税。");
  // The draft is saved a moment after the last keystroke: wait for the last field's answer.
  await expect.poll(() => draftOf(page, "spam")).toContain("缴纳关税");
  await expect.poll(() => draftOf(page, "spam")).toContain("parcel-fee");

  await page.reload();
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await expect(page.getByText("已恢复您此前在本浏览器标签页中填写的内容")).toBeVisible();
  await expect(field(page, "sender")).toHaveValue("+86 139 0000 1111");
  await expect(field(page, "description")).toHaveValue("冒充快递的短信，要求点击链接缴纳关税。");
  await expect(page.locator('input[name="channel"][value="sms"]')).toBeChecked();
  expect(dialogs).toContain("beforeunload");

  await page.locator(".language-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await expect(field(page, "content")).toHaveValue(/parcel-fee\.example\.org/);

  await field(page, "recipient").fill("13800138000");
  await field(page, "receivedAt").fill(localTimeAgo(2));
  await field(page, "goodFaith").check();
  await submitAndReadReceipt(page);
  await expect.poll(() => draftOf(page, "spam")).toBeNull();
  await opened(page, "/report/spam");
  await expect(field(page, "sender")).toHaveValue("");
  await expect(page.getByText("Clear them and start again")).toHaveCount(0);
});

test("a child-abuse report is never kept in the browser, and the form says so", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN", { width: 360 });
  page.on("dialog", (dialog) => void dialog.accept());
  await opened(page, "/report/harmful-info");
  await field(page, "locator").fill("某论坛，帖子编号 12345");
  await expect.poll(() => draftOf(page, "harmful-info")).toContain("12345");
  await choose(page, "subtype", "child-abuse");
  await expect(page.getByText("您在此填写的内容也不会保存在本浏览器中")).toBeVisible();
  await expect.poll(() => draftOf(page, "harmful-info")).toBeNull();
  await page.reload();
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await expect(field(page, "locator")).toHaveValue("");
});

test("answers given before JavaScript takes over are kept, a 'No' included", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN", { width: 360 });
  // A slow phone: the CPU slowed 4×, and the scripts arrive only after the person has answered.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/report/crime", { waitUntil: "commit" });
  await page.locator('input[name="moneyLost"][value="false"]').check();
  await page.locator('input[name="ongoingDanger"][value="false"]').check();
  await page.locator("#f-description").fill("网友推荐的投资平台充值后无法提现。");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(0);

  release();
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('input[name="moneyLost"][value="false"]')).toBeChecked();
  await expect(page.locator('input[name="ongoingDanger"][value="false"]')).toBeChecked();
  await expect(page.locator("#f-description")).toHaveValue("网友推荐的投资平台充值后无法提现。");
  // And the form follows them: no money lost, so no questions about payments.
  await expect(page.locator("#f-transactions")).toHaveCount(0);
});
