import { expect, test } from "@playwright/test";
import { SAMPLE_EML } from "@/lib/validation/fixtures";
import { choose, field, localTimeAgo, pageIn, statusOf, submitAndReadReceipt } from "./support/forms";

test.describe("a citizen files each category through the web forms", () => {
  test("harmful information, in English", async ({ browser }) => {
    const page = await pageIn(browser, "en");
    await page.goto("/");
    await page.getByRole("link", { name: "Start a report" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Illegal or harmful online information");
    await choose(page, "subtype", "gambling");
    await field(page, "urls.0").fill("https://casino.example.com/play?utm_source=chat");
    await field(page, "platform").selectOption("website");
    await field(page, "description").fill("An unlicensed casino advertised in a neighbourhood chat group.");
    await field(page, "goodFaith").check();
    const receipt = await submitAndReadReceipt(page);
    await expect(page.getByText("We aim to review it by")).toBeVisible();
    expect(await statusOf(page, receipt)).toBe("Received");
    await expect(page.getByRole("heading", { name: "Messages" })).toBeVisible();
  });

  test("crime with two payments, in Chinese", async ({ browser }) => {
    const page = await pageIn(browser, "zh-CN");
    await page.goto("/report/crime");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("网络违法犯罪与诈骗");
    await choose(page, "ongoingDanger", "false");
    await field(page, "subtype").selectOption("investment-crypto");
    await field(page, "description").fill("网友推荐的投资平台充值后无法提现，客服失联。");
    await choose(page, "filingFor", "self");
    await field(page, "incidentStart").fill(localTimeAgo(72));
    // China is chosen already; the province is a list, not a code to type.
    await expect(field(page, "location.country")).toHaveValue("CN");
    await expect(field(page, "location.country").locator("option:checked")).toHaveText("中国");
    await field(page, "location.region").selectOption({ label: "广东省" });
    await field(page, "location.city").fill("深圳");
    await choose(page, "moneyLost", "true");
    await field(page, "amountLost.value").fill("15000");
    await field(page, "amountLost.currency").fill("CNY");
    await field(page, "transactions.0.date").fill("2026-11-01");
    await field(page, "transactions.0.method").selectOption("bank-transfer");
    await field(page, "transactions.0.amount").fill("5000");
    await field(page, "transactions.0.currency").fill("CNY");
    await page.getByRole("button", { name: "再添加一笔付款" }).click();
    await field(page, "transactions.1.date").fill("2026-11-03");
    await field(page, "transactions.1.method").selectOption("e-wallet");
    await field(page, "transactions.1.amount").fill("10000");
    await field(page, "transactions.1.currency").fill("CNY");
    await field(page, "suspects.0.kind").selectOption("phone");
    await field(page, "suspects.0.value").fill("138 0013 8000");
    await field(page, "goodFaith").check();
    const receipt = await submitAndReadReceipt(page);
    await expect(page.getByText("我们争取在")).toBeVisible();
    // A time reads as Chinese readers expect: "2026年12月3日 15:05（北京时间）", not "GMT+8" in the middle.
    await expect(page.getByText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/)).toBeVisible();
    await expect(page.getByText(/GMT\+8/)).toHaveCount(0);
    expect(await statusOf(page, receipt)).toBe("已受理");
  });

  test("a spam email with its .eml file, in English", async ({ browser }) => {
    const page = await pageIn(browser, "en");
    await page.goto("/report/spam");
    await choose(page, "channel", "email");
    await expect(field(page, "recipient")).toHaveCount(0);
    await field(page, "sender").fill("alerts@secure-bank.example.com");
    await field(page, "receivedAt").fill(localTimeAgo(2));
    await field(page, "rawEmail").setInputFiles({ name: "phish.eml", mimeType: "message/rfc822", buffer: Buffer.from(SAMPLE_EML) });
    await expect(page.getByRole("list", { name: "Selected files" })).toContainText("phish.eml");
    await field(page, "description").fill("A phishing email pretending to be my bank.");
    await field(page, "goodFaith").check();
    const receipt = await submitAndReadReceipt(page);
    expect(await statusOf(page, receipt)).toBe("Received");
  });

  test("a copyright notice by an agent, in Chinese", async ({ browser }) => {
    const page = await pageIn(browser, "zh-CN");
    await page.goto("/report/copyright");
    await choose(page, "submitterRole", "agent");
    await field(page, "rightholder.name").fill("示例影业有限公司");
    await field(page, "rightholder.address").fill("北京市朝阳区示例路 1 号");
    await field(page, "rightholder.phone").fill("010-6552 9988");
    await field(page, "rightholder.email").fill("legal@studio.example.com");
    await field(page, "agentAuthorization").setInputFiles({
      name: "授权书.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
    });
    await field(page, "work.title").fill("长河");
    await field(page, "work.type").selectOption("film-tv");
    await field(page, "ownershipProof").fill("作品登记号 2024-F-00012345，2024 年 3 月 1 日首播。");
    await field(page, "infringingUrls.0").fill("https://pirate.example.com/watch/long-river-01");
    await choose(page, "requestedAction", "remove");
    await field(page, "description").fill("该网站未经授权提供我方剧集的在线播放。");
    await field(page, "contact.name").fill("王芳");
    await field(page, "contact.email").fill("agent@law.example.com");
    await field(page, "accuracyStatement").check();
    await field(page, "signature").fill("王芳");
    await field(page, "goodFaith").check();
    const receipt = await submitAndReadReceipt(page);
    expect(await statusOf(page, receipt)).toBe("已受理");
  });
});

test("without JavaScript a form returns errors beside the fields, keeps the answers, then accepts", async ({ browser }) => {
  const page = await pageIn(browser, "en", { javaScriptEnabled: false });
  await page.goto("/report/spam");
  await choose(page, "channel", "sms");
  await field(page, "sender").fill("10690000123");
  await field(page, "recipient").fill("13800138000");
  await field(page, "receivedAt").fill(localTimeAgo(1));
  await field(page, "description").fill("A text with a suspicious payment link.");
  await field(page, "evidence").setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("screenshot notes") });
  await field(page, "goodFaith").check();
  await page.locator("form[novalidate] button[type=submit]").click();

  await expect(page.locator(".error-summary")).toContainText("The message exactly as received");
  await expect(page.locator("#f-content-error")).toHaveText("Copy the message exactly as you received it.");
  await expect(field(page, "content")).toHaveAttribute("aria-describedby", /f-content-error/);
  await expect(field(page, "sender")).toHaveValue("10690000123");
  await expect(field(page, "goodFaith")).toBeChecked();
  await expect(page.locator('input[name="channel"][value="sms"]')).toBeChecked();
  // The chosen file cannot come back without JavaScript: the form says to choose it again.
  await expect(page.locator("#f-evidence-error")).toHaveText("Choose your files again (1 chosen): a form sent back with errors cannot keep them.");

  await field(page, "content").fill("Your parcel is held. Pay at http://parcel-fee.example.org/pay");
  await field(page, "evidence").setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("screenshot notes") });
  const receipt = await submitAndReadReceipt(page);
  const view = await page.request.post("/api/v1/receipts/lookup", { data: { receipt } });
  expect((await view.json()).category).toBe("spam");
});

test("an empty submit shows the error summary, focused, and an error at each field", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  await page.goto("/report/harmful-info");
  await page.locator("form[novalidate] button[type=submit]").click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText("There is a problem");
  for (const [name, text] of [
    ["subtype", "Choose an answer."],
    ["urls", "Give at least one web address, or describe where to find the content."],
    ["platform", "Choose an answer."],
    ["description", "Fill in this field."],
    ["goodFaith", "Tick this box to confirm."],
  ]) {
    await expect(page.locator(`#f-${name}-error`)).toHaveText(text);
    await expect(summary.locator(`a[href="#f-${name}"]`)).toBeVisible();
  }
  // In the order the form asks, and without "？:" after a question.
  const listed = await summary.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const checked = ["#f-subtype", "#f-urls", "#f-platform", "#f-description", "#f-goodFaith"];
  expect(listed.filter((href) => checked.includes(href ?? ""))).toEqual(checked);
  await summary.locator('a[href="#f-description"]').click();
  await expect(field(page, "description")).toBeFocused();
});

test("on a phone in Chinese, an unanswered question reads 'choose an answer', with no colon after its question mark", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN", { width: 360 });
  await page.goto("/report/crime");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await page.locator("form[novalidate] button[type=submit]").click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.locator('a[href="#f-ongoingDanger"]')).toHaveText("现在是否有人处于危险之中？请选择一项。");
  await expect(page.locator("#f-ongoingDanger-error")).toHaveText("请选择一项。");
  await expect(summary).not.toContainText("？:");
  await expect(summary).not.toContainText("？：");
  // The first link is the first question of the form.
  await expect(summary.locator("a").first()).toHaveAttribute("href", "#f-ongoingDanger");
});

test("every public page links, in its footer, to what happens after a report and to the privacy notice; the home page names the other channels", async ({ browser }) => {
  const page = await pageIn(browser, "zh-CN", { width: 360 });
  await page.goto("/");
  for (const number of ["110", "96110", "12377", "12321", "12390"]) await expect(page.locator(".channel-list dt", { hasText: new RegExp(`^${number}$`) })).toHaveCount(1);
  await page.locator(".site-footer").getByRole("link", { name: "举报之后会发生什么" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("举报之后会发生什么");
  // The review targets come from the category declarations.
  await expect(page.getByText("网络违法犯罪与诈骗：48 小时内；有人正处于危险之中时，4 小时内")).toBeVisible();
  await page.locator(".site-footer").getByRole("link", { name: "隐私说明" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("隐私说明");
  await expect(page.getByText("我们不保存您的网络（IP）地址")).toBeVisible();
});

test("a file that cannot be sent is flagged beside its field when it is chosen, and not added", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  await page.goto("/report/spam");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await page.locator("#f-evidence").setInputFiles([
    { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ not a picture") },
    { name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(11 * 1024 * 1024, 1) },
    { name: "shot.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
  ]);
  const error = page.locator("#f-evidence-error");
  await expect(error).toContainText("setup.exe: Attach a PNG, JPEG, WebP, PDF, plain-text or .eml file.");
  await expect(error).toContainText("huge.png: Each file can be at most 10 MB.");
  const listed = page.locator(".file-list .file-name");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText("shot.png");
});

test("every link of the error summary points at a field on the page, with and without JavaScript", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const page = await pageIn(browser, "en", { javaScriptEnabled });
    for (const category of ["harmful-info", "crime", "spam", "copyright"]) {
      await page.goto(`/report/${category}`);
      if (javaScriptEnabled) await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
      if (category === "spam") await choose(page, "channel", "email"); // its rules add questions
      if (category === "copyright") await choose(page, "submitterRole", "agent");
      await page.locator("form[novalidate] button[type=submit]").click();
      const links = page.locator(".error-summary a");
      await expect(links.first()).toBeVisible();
      const targets = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(1)));
      const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), targets);
      expect(missing, `${category}, JavaScript ${javaScriptEnabled}`).toEqual([]);
    }
    await page.context().close();
  }
});

test("the place of a crime is chosen by name: China first and preselected, its provinces listed; elsewhere the region is typed", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  await page.goto("/report/crime");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  const country = field(page, "location.country");
  await expect(country.locator("option").nth(1)).toHaveText("China");
  await expect(country).toHaveValue("CN");
  await expect(field(page, "location.region").locator("option")).toHaveCount(35); // "Choose…" and the 34 divisions
  await country.selectOption({ label: "United States" });
  await expect(field(page, "location.region")).toHaveJSProperty("tagName", "INPUT");
  await country.selectOption("CN");
  await expect(field(page, "location.region")).toHaveJSProperty("tagName", "SELECT");
});

test("a photo over 2,560 px is scaled down in the browser before sending, and the saving is shown", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  await page.goto("/report/spam");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  // A 4,000 × 3,000 photo with noise, as a phone takes it.
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext("2d")!;
    const image = ctx.createImageData(4000, 3000);
    for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 2654435761) % 256;
    ctx.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  const original = Buffer.from(base64, "base64");
  await page.locator("#f-evidence").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: original });
  await expect(page.locator(".file-list")).toContainText(/photo\.jpg \(.+ MB, reduced from .+ MB before sending\)/);
  const sent = await page.locator("#f-evidence").evaluate((input: HTMLInputElement) => ({ size: input.files![0].size }));
  expect(sent.size).toBeLessThan(original.length);
});
