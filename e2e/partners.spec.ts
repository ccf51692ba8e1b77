import { execFileSync } from "node:child_process";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { validReports } from "@/lib/validation/fixtures";
import { e2eDataEnv, queryOne } from "./support/data-layer";
import { staffPage } from "./support/staff-session";

/** `npm run partner -- …` against the end-to-end server's database, as an operator runs it. */
function partnerCli(...args: string[]): string {
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("scripts", "partner.ts"), ...args], {
    env: e2eDataEnv(),
    encoding: "utf8",
  });
}

test("a partner's batch is marked in the queue; an admin sees its use and revokes its key without JavaScript; the key then gets 403", async ({ browser }) => {
  const name = `E2E Flagger ${Date.now()}`;
  const printed = partnerCli("create", "--name", name);
  const key = /^rpk_\S+$/m.exec(printed)![0];
  const { page } = await staffPage(browser, "ADMIN");

  const anonymous = await page.request.post("/api/v1/reports/batch", { data: { reports: [validReports.spam()] } });
  expect(anonymous.status()).toBe(401);
  const sent = await page.request.post("/api/v1/reports/batch", {
    headers: { authorization: `Bearer ${key}` },
    data: { reports: [validReports.spam(), validReports.crime()] },
  });
  expect(sent.status()).toBe(200);
  const [first] = ((await sent.json()) as { results: { id: string }[] }).results;

  await page.goto(`/queue/${first.id}`);
  await expect(page.getByText(`Sent by the trusted flagger ${name}`)).toBeVisible();
  await page.goto("/queue");
  await expect(page.getByText(`Trusted flagger: ${name}`).first()).toBeVisible();
  await page.goto("/admin/partners");
  const violations = (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations;
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The same admin session, with JavaScript off: the confirmation and the revocation are plain links and forms.
  const noScript = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false, locale: "en-GB", timezoneId: "Asia/Shanghai" });
  const admin = await noScript.newPage();
  await admin.goto("/admin/partners");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Partner API keys");
  const row = admin.getByRole("row", { name: new RegExp(name) }).first();
  await expect(row).toContainText("Active");
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).not.toContainText("Never");
  await expect(admin.getByRole("region", { name: "Use per day" }).getByRole("row", { name: new RegExp(name) })).toContainText("1 request, 2 reports");
  await row.getByRole("link", { name: `Revoke: ${name}` }).click();
  await expect(admin.getByRole("heading", { name: `Revoke the key of ${name}?` })).toBeVisible();
  await admin.getByRole("button", { name: "Revoke the key" }).click();
  await expect(admin.getByRole("status")).toHaveText("Key revoked. Its next request gets 403.");
  await expect(admin.getByRole("row", { name: new RegExp(name) }).first()).toContainText("Revoked");
  await noScript.close();

  const refused = await page.request.post("/api/v1/reports/batch", { headers: { authorization: `Bearer ${key}` }, data: { reports: [validReports.spam()] } });
  expect(refused.status()).toBe(403);
  expect(queryOne(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'partner-revoke' AND "actorId" IS NOT NULL AND "after" LIKE ?`, `%${name}%`)).toEqual({ n: 1 });
});
