import { expect, test } from "@playwright/test";
import { choose, field, localTimeAgo, pageIn, statusOf, submitAndReadReceipt } from "./support/forms";

/**
 * A report with files on a slow connection shows how far the upload has got, and can be
 * cancelled without losing anything (components/report-form/upload-progress.tsx).
 */
test("on a slow phone in Chinese, sending a file shows its progress in percent, can be cancelled, and sends again", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN", { width: 360 });
  await page.goto("/report/spam");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await choose(page, "channel", "sms");
  await field(page, "sender").fill("10690000123");
  await field(page, "recipient").fill("13800138000");
  await field(page, "content").fill("您的积分即将过期，请点击 http://points.example.org 兑换。");
  await field(page, "receivedAt").fill(localTimeAgo(1));
  await field(page, "description").fill("积分兑换诈骗短信，附上聊天记录导出。");
  // 400 kB of text: at 40 kB/s the upload takes about ten seconds.
  const line = "2026-11-30 21:04 对方：请点击链接兑换积分，否则今晚清零。\n";
  await field(page, "evidence").setInputFiles({ name: "chat.txt", mimeType: "text/plain", buffer: Buffer.from(line.repeat(Math.ceil(400_000 / Buffer.byteLength(line)))) });
  await field(page, "goodFaith").check();

  const cdp = await page.context().newCDPSession(page);
  const slow = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 40_000 };
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", slow);

  const send = page.locator("form[novalidate] button[type=submit]");
  await send.click();
  const bar = page.locator("progress#upload-progress");
  await expect(bar).toBeVisible();
  // The label gives the percentage and the amount, and the bar moves.
  await expect(page.locator('label[for="upload-progress"]')).toHaveText(/^正在上传文件：([1-9]\d?)%（[\d.]+ MB \/ 0\.4 MB）$/);
  await expect.poll(async () => Number(await bar.getAttribute("value"))).toBeGreaterThan(0);
  await expect(send).toBeDisabled();

  await page.getByRole("button", { name: "取消发送" }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByText("已取消发送。")).toBeVisible();
  // Nothing is lost: the answers and the chosen file are still on the page.
  await expect(field(page, "sender")).toHaveValue("10690000123");
  await expect(page.getByRole("list", { name: "已选文件" })).toContainText("chat.txt");

  // Sent again on a faster connection, it arrives, with the file.
  await cdp.send("Network.emulateNetworkConditions", { ...slow, latency: 0, uploadThroughput: 400_000, downloadThroughput: 400_000 });
  const receipt = await submitAndReadReceipt(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  expect(await statusOf(page, receipt)).toBe("已受理");
});

test("a report without files is sent without a progress bar", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  await page.goto("/report/spam");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await choose(page, "channel", "sms");
  await field(page, "sender").fill("10690000123");
  await field(page, "recipient").fill("13800138000");
  await field(page, "content").fill("Your points expire tonight: http://points.example.org");
  await field(page, "receivedAt").fill(localTimeAgo(1));
  await field(page, "description").fill("Points scam text message.");
  await field(page, "goodFaith").check();
  await page.evaluate(() => {
    const seen = document.documentElement;
    new MutationObserver(() => {
      if (document.querySelector("progress#upload-progress")) seen.dataset.sawProgress = "";
    }).observe(document.body, { childList: true, subtree: true });
  });
  const request = page.waitForRequest((r) => r.url().endsWith("/api/forms/report") && r.method() === "POST");
  await submitAndReadReceipt(page);
  await request;
  await expect(page.locator("html[data-saw-progress]")).toHaveCount(0);
});
