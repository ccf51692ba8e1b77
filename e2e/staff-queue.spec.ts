import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { field, pageIn, statusOf } from "./support/forms";
import { staffPage } from "./support/staff-session";

/** A report from an English-speaking reporter, unless it names its language. */
async function fileReport(page: Page, report: Record<string, unknown>) {
  const response = await page.request.post("/api/v1/reports", { data: { locale: "en", ...report } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; receipt: string };
}

async function openAndClaim(page: Page, id: string) {
  await page.goto(`/queue/${id}`);
  await page.getByRole("button", { name: "Claim", exact: true }).click();
  await expect(page.getByText(/You hold this report until/)).toBeVisible();
}

async function decide(page: Page, decision: string, extra: (page: Page) => Promise<void> = async () => {}) {
  await page.getByLabel(decision, { exact: true }).check();
  await extra(page);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decided:");
}

test("a moderator filters, claims, asks for more information, and the citizen answers on /status", async ({ browser }) => {
  const { page } = await staffPage(browser);
  const marker = `https://ask.example/${Date.now()}`;
  const report = await fileReport(page, { ...validSpam(), content: `Pay the fee at ${marker}` });

  await page.locator("#filter-category").selectOption("spam");
  await page.locator("#filter-q").fill(marker.toUpperCase().replace("HTTPS://ASK.EXAMPLE", "https://ask.example:443"));
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/category=spam/);
  const rows = page.locator("table.queue tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/queue/${report.id}`));

  await page.getByRole("button", { name: "Claim", exact: true }).click();
  await decide(page, "Ask for more information", async (p) => {
    await expect(p.locator("#reason")).toHaveValue(/we need more information/);
    await p.locator("#reason").fill("Which number did the message come from?");
  });

  const citizen = await pageIn(browser, "en");
  expect(await statusOf(citizen, report.receipt)).toBe("We need more information from you");
  await expect(citizen.locator(".thread li.from-staff")).toContainText("Which number did the message come from?");
  await field(citizen, "body").fill("From 106 9000 0123.");
  await citizen.getByRole("button", { name: "Send message" }).click();
  await expect(citizen.locator(".status-tag")).toHaveText("Being reviewed");

  await page.goto("/queue");
  await expect(page.getByRole("status")).toContainText("1 report you asked about has a new reply.");
  await page.goto(`/queue/${report.id}`);
  await expect(page.locator(".thread li.from-reporter")).toContainText("From 106 9000 0123.");
});

test("a moderator marks a duplicate and forwards another report", async ({ browser }) => {
  const { page } = await staffPage(browser);
  const url = `https://dup.example/${Date.now()}`;
  const original = await fileReport(page, { ...validHarmfulInfo(), urls: [url] });
  const copy = await fileReport(page, { ...validHarmfulInfo(), urls: [url] });
  const third = await fileReport(page, validSpam());

  // Two clicks: "Duplicate", then record; the report on the same target is offered, oldest first, chosen.
  await openAndClaim(page, copy.id);
  await page.getByLabel("Duplicate", { exact: true }).check();
  const offered = page.locator('input[name="duplicateOfId"]');
  await expect(offered).toHaveCount(1);
  await expect(offered).toBeChecked();
  const originalCase = await offered.getAttribute("value");
  expect(originalCase).toMatch(/^R-\d{4}-\d{6}$/);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decided:");
  await expect(page.locator("p", { hasText: "Duplicate of" }).getByRole("link")).toHaveText(originalCase!);
  await expect(page.locator("p", { hasText: "Duplicate of" }).getByRole("link")).toHaveAttribute("href", `/queue/${original.id}`);
  await expect(page.locator(".status-tag")).toHaveText("Duplicate of an earlier report");

  await openAndClaim(page, third.id);
  await decide(page, "Forward to an agency", async (p) => {
    await p.locator("#agencyId").selectOption("anti-spam-centre");
    await p.locator("#reference").fill("12321-2026-000123");
  });
  await expect(page.getByText("Forwarded to Anti-Spam Centre (12321), reference 12321-2026-000123")).toBeVisible();

  // The duplicate's reporter, on a phone in Chinese: merged, and the earlier report's status.
  const phone = await pageIn(browser, "zh-CN", { width: 360 });
  expect(await statusOf(phone, copy.receipt)).toBe("已与先前的举报合并");
  await expect(phone.getByText("较早的举报：已受理")).toBeVisible();
  await expect(phone.getByText("今后本页显示较早那份举报的进展")).toBeVisible();
  await expect(phone.getByText("本举报已办结，您无需再做任何事")).toHaveCount(0);

  const citizen = await pageIn(browser, "en");
  expect(await statusOf(citizen, third.receipt)).toBe("Passed to the responsible agency");
  await expect(citizen.getByText("Passed to: Anti-Spam Centre (12321)")).toBeVisible();
  await expect(citizen.getByText("12321-2026-000123")).toHaveCount(0);
  await expect(citizen.locator(".thread li.from-staff")).toContainText("We passed your report to the responsible agency");
});

test("a second moderator cannot decide on the first one's claim", async ({ browser }) => {
  const first = await staffPage(browser);
  const second = await staffPage(browser);
  const report = await fileReport(first.page, validSpam());
  await openAndClaim(first.page, report.id);

  await second.page.goto(`/queue/${report.id}`);
  await expect(second.page.getByText(`Held by ${first.name}`)).toBeVisible();
  await expect(second.page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await expect(second.page.getByRole("button", { name: "Claim", exact: true })).toHaveCount(0);
});

test("axe finds no serious or critical violation on the staff pages", async ({ browser }) => {
  const { page } = await staffPage(browser);
  const report = await fileReport(page, validSpam());
  const found: string[] = [];
  for (const path of ["/queue", `/queue/${report.id}`]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    found.push(...results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${path}: ${v.id}`));
  }
  await openAndClaim(page, report.id);
  const claimed = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  found.push(...claimed.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `claimed: ${v.id}`));
  const login = await pageIn(browser, "zh-CN");
  await login.goto("/login");
  const results = await new AxeBuilder({ page: login }).analyze();
  found.push(...results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `/login: ${v.id}`));
  expect(found).toEqual([]);
});

test("an English-speaking moderator's decision reaches a Chinese reporter in Chinese", async ({ browser }) => {
  const { page } = await staffPage(browser);
  // An API report that names no language is the request's: here Chinese.
  const response = await page.request.post("/api/v1/reports", { data: validSpam(), headers: { "accept-language": "zh-CN,zh;q=0.9" } });
  expect(response.status()).toBe(201);
  const report = (await response.json()) as { id: string; receipt: string };

  await openAndClaim(page, report.id);
  await expect(page.getByText("The reporter reads Chinese")).toBeVisible();
  await page.getByLabel("Action taken", { exact: true }).check();
  await expect(page.locator("#reason")).toHaveValue("发送方号码或地址已报送运营商予以封停。");
  await expect(page.getByTestId("own-language-template")).toContainText("The sender's number or address has been reported to the operator for blocking.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decided: Actioned.");

  const phone = await pageIn(browser, "zh-CN", { width: 360 });
  expect(await statusOf(phone, report.receipt)).toBe("已处置");
  await expect(phone.locator(".thread li.from-staff")).toHaveText(/发送方号码或地址已报送运营商予以封停。/);
});

test("a queue row names its case number, a snippet and its target; a case number finds it; after a decision the page offers the next report, not a claim", async ({ browser }) => {
  const { page } = await staffPage(browser);
  const marker = `https://case.example/${Date.now()}`;
  const report = await fileReport(page, { ...validSpam(), content: `Visit ${marker}`, description: "A prize email that asks for a processing fee before the prize is paid out to the winner, sent twice this week." });
  await fileReport(page, validSpam());
  await page.goto(`/queue?${new URLSearchParams({ q: marker, status: "any" })}`);
  const row = page.locator("table.queue tbody tr").first();
  const caseNumber = (await row.locator(".case-number").innerText()).trim();
  expect(caseNumber).toMatch(/^R-\d{4}-\d{6}$/);
  await expect(row.locator(".queue-snippet")).toHaveText(/^A prize email that asks for a processing fee before the prize is paid out to the winner, sent twice/);
  await expect(row).toContainText("New — not yet reviewed");
  await page.goto(`/queue?${new URLSearchParams({ q: caseNumber.toLowerCase(), status: "any" })}`);
  await expect(page.locator("table.queue tbody tr")).toHaveCount(1);
  await page.locator("table.queue tbody tr .case-number").click();
  await expect(page).toHaveTitle(new RegExp(`^${caseNumber} · Review`));

  await page.getByRole("button", { name: "Claim", exact: true }).click();
  // A refused decision keeps the chosen decision and its own fields.
  await page.getByLabel("Forward to an agency", { exact: true }).check();
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.locator("form .form-error[role=alert]")).toHaveText("Enter the agency's reference number.");
  await expect(page.getByLabel("Forward to an agency", { exact: true })).toBeChecked();
  await expect(page.locator("#reference")).toBeVisible();
  await page.locator("#reference").fill("12321-2026-000999");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decided: Forwarded to an agency.");
  await expect(page.getByRole("button", { name: "Claim", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Next report: R-\d{4}-\d{6}$/ })).toBeVisible();

  // A new report on the same target says, in its row and on its page, that it is known.
  const again = await fileReport(page, { ...validSpam(), content: `Visit ${marker}` });
  await page.goto(`/queue?${new URLSearchParams({ q: marker })}`);
  const known = page.locator("table.queue tbody tr").first().locator(".badge--known");
  await expect(known).toHaveText(new RegExp(`^Known target — Forwarded to an agency on .+ \\(${caseNumber}\\)$`));
  await page.goto(`/queue/${again.id}`);
  await expect(page.getByRole("note").filter({ hasText: "Staff already acted on a target of this report" })).toContainText(caseNumber);
});
