import { expect, test } from "@playwright/test";
import { validHarmfulInfo } from "@/lib/validation/fixtures";
import { queryOne } from "./support/data-layer";
import { staffPage } from "./support/staff-session";

/** A child-abuse report opens only for staff an admin has given the permission; each opening is audited. */
test("a child-abuse report is counted but closed to a moderator until an admin grants the permission; then each opening is audited", async ({ browser }) => {
  const { page: moderator, email } = await staffPage(browser);
  const marker = `https://hidden.example/${Date.now()}`;
  const response = await moderator.request.post("/api/v1/reports", { data: { ...validHarmfulInfo(), subtype: "child-abuse", urls: [marker] } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };

  const refused = await moderator.goto(`/queue/${id}`);
  expect(refused?.status()).toBe(403);
  await expect(moderator.locator("body")).not.toContainText(marker);
  await moderator.goto("/queue?category=harmful-info&status=any");
  const row = moderator.locator("table.queue tbody tr", { has: moderator.locator(`a[href="/queue/${id}"]`) });
  await expect(row).toContainText("Restricted content");
  await expect(row).not.toContainText(marker);

  const { page: admin } = await staffPage(browser, "ADMIN");
  await admin.goto("/admin/staff");
  await admin.getByRole("button", { name: `Allow restricted content: ${email}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Permission changed.");

  const opened = await moderator.goto(`/queue/${id}`);
  expect(opened?.status()).toBe(200);
  await expect(moderator.locator("main")).toContainText(marker);
  const audited = queryOne(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'open-restricted' AND "reportId" = ?`, id) as { n: number };
  expect(Number(audited.n)).toBe(1);
});
