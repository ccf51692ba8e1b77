import { expect, test } from "@playwright/test";
import { validReports, validSpam } from "@/lib/validation/fixtures";

test.describe("intake API on the production build", () => {
  test("describes the categories", async ({ request }) => {
    const response = await request.get("/api/v1/categories");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.categories).toHaveLength(4);
  });

  test("files a report with evidence, then finds it by receipt", async ({ page }) => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const created = await page.request.post("/api/v1/reports", {
      multipart: {
        report: JSON.stringify(validSpam()),
        evidence: { name: "screenshot.png", mimeType: "image/png", buffer: png },
      },
    });
    expect(created.status()).toBe(201);
    const report = await created.json();
    expect(report.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(report.status).toBe("received");

    const found = await page.request.post("/api/v1/receipts/lookup", { data: { receipt: report.receipt } });
    expect(found.status()).toBe(200);
    expect(await found.json()).toMatchObject({ status: "received", category: "spam", messages: [] });

    const replied = await page.request.post("/api/v1/receipts/messages", {
      data: { receipt: report.receipt, body: "They called again from the same number." },
    });
    expect(replied.status()).toBe(201);
  });

  test("answers each category's errors in the documented shape", async ({ request }) => {
    for (const [category, make] of Object.entries(validReports)) {
      const response = await request.post("/api/v1/reports", {
        data: { ...make(), goodFaith: false },
        headers: { "accept-language": "en" },
      });
      expect(response.status(), category).toBe(422);
      const body = await response.json();
      expect(body.error.fields.goodFaith).toEqual(["Tick this box to confirm."]);
    }
    const unknown = await request.post("/api/v1/receipts/lookup", { data: { receipt: "AAAA-BBBB-CCCC-DDDD-EEEE" } });
    expect(unknown.status()).toBe(404);
  });

  test("serves the home page with the emergency notice in the visitor's language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report illegal and harmful online content");
    await expect(page.getByRole("note")).toContainText("Call 110");
    await context.close();
  });
});
