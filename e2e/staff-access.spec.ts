import { expect, test } from "@playwright/test";
import { validSpam } from "@/lib/validation/fixtures";
import { queryOne, runDataScript } from "./support/data-layer";
import { pageIn } from "./support/forms";
import { staffPage } from "./support/staff-session";

test("a signed-out visitor is sent to sign in, and gets no evidence", async ({ browser }) => {
  const page = await pageIn(browser, "en");
  for (const path of ["/queue", "/queue/anything", "/account/password", "/account/security", "/account/two-factor"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
  }
  const evidence = await page.request.get("/api/staff/evidence/x/" + "0".repeat(64));
  expect(evidence.status()).toBe(401);
});

test("a deactivated moderator loses access on the next request", async ({ browser }) => {
  const { page, email } = await staffPage(browser);
  await page.goto("/queue");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  runDataScript("staff.ts", ["deactivate", email]);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login$/);
});

test("server actions refuse a forged cross-site call and a signed-out call, changing nothing", async ({ browser }) => {
  const { page } = await staffPage(browser);
  await page.request.post("/api/v1/reports", { data: validSpam() });
  await page.goto("/queue");
  // The "Next report" form, posted as a browser without JavaScript would post it.
  const field = page.locator('form:has(button:text-is("Next report")) input[name^="$ACTION_ID_"]');
  const actionId = (await field.getAttribute("name"))?.replace("$ACTION_ID_", "");
  expect(actionId).toBeTruthy();
  const origin = new URL(page.url()).origin;
  const claimed = () => queryOne('SELECT COUNT(*) AS n FROM "Report" WHERE "claimedById" IS NOT NULL');
  const post = (request: typeof page.request, from: string) =>
    request.post("/queue", { multipart: { [`$ACTION_ID_${actionId}`]: "" }, headers: { origin: from }, maxRedirects: 0 });
  const before = claimed();

  // Cross-site: the session cookie goes along, but the Origin is another site.
  const forged = await post(page.request, "https://evil.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(claimed()).toEqual(before);

  // Same site, no session: sent to sign in.
  const anonymous = await pageIn(browser, "en");
  const signedOut = await post(anonymous.request, origin);
  expect(signedOut.status()).toBe(303);
  expect(signedOut.headers()["location"]).toContain("/login");
  expect(claimed()).toEqual(before);

  // The same call from the signed-in moderator on this site works: the refusals above were
  // the origin and the session, not a malformed request.
  const genuine = await post(page.request, origin);
  expect(genuine.status()).toBe(303);
  expect(genuine.headers()["location"]).toMatch(/\/queue\/[0-9a-f-]+/);
  expect((claimed() as { n: number }).n).toBe((before as { n: number }).n + 1);
});

test("every form action on the review page refuses signed-out and cross-site calls, and a moderator cannot release another's claim", async ({ browser }) => {
  const holder = await staffPage(browser);
  const other = await staffPage(browser);
  const report = await (await holder.page.request.post("/api/v1/reports", { data: validSpam() })).json();
  await holder.page.goto(`/queue/${report.id}`);
  await holder.page.getByRole("button", { name: "Claim", exact: true }).click();
  await expect(holder.page.getByText(/You hold this report until/)).toBeVisible();
  // A server-rendered copy of the page carries the forms' action ids, as a browser without
  // JavaScript would post them.
  await holder.page.goto(`/queue/${report.id}`);
  const origin = new URL(holder.page.url()).origin;
  const state = () => queryOne(
    'SELECT r."claimedById" AS holder, (SELECT COUNT(*) FROM "InternalNote" n WHERE n."reportId" = r.id) AS notes FROM "Report" r WHERE r."id" = ?',
    report.id,
  );
  const before = state();
  const anonymous = await pageIn(browser, "en");

  for (const button of ["Renew claim", "Release claim", "Add note"]) {
    const form = holder.page.locator(`form:has(button:text-is("${button}"))`);
    const actionId = (await form.locator('input[name^="$ACTION_ID_"]').getAttribute("name"))!;
    const fields = { [actionId]: "", reportId: report.id, body: "forged note" };
    const forged = await holder.page.request.post(`/queue/${report.id}`, { multipart: fields, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    expect(forged.status(), `${button}: cross-site`).toBeGreaterThanOrEqual(400);
    const signedOut = await anonymous.request.post(`/queue/${report.id}`, { multipart: fields, headers: { origin }, maxRedirects: 0 });
    expect(signedOut.headers()["location"], `${button}: signed out`).toContain("/login");
    // Another moderator, on this site and signed in, may not release or renew the claim.
    if (button !== "Add note") {
      const response = await other.page.request.post(`/queue/${report.id}`, { multipart: fields, headers: { origin }, maxRedirects: 0 });
      expect(response.headers()["location"], `${button}: other moderator`).toContain("error=claimed_by_other");
    }
    expect(state(), button).toEqual(before);
  }
});

test("a one-time password must be changed at first sign-in before any staff page opens", async ({ browser }) => {
  const email = `otp-${Date.now()}@e2e.test`;
  runDataScript("staff.ts", ["create-otp", email, "one-time-pass-123"]);
  const page = await pageIn(browser, "en");
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("one-time-pass-123");
  await page.locator("main button[type=submit]").click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/account\/password$/);

  await page.locator("#current").fill("one-time-pass-123");
  await page.locator("#next").fill("short");
  await page.locator("#confirm").fill("short");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.locator("#next-error")).toHaveText("Use at least 12 characters.");

  await page.locator("#current").fill("one-time-pass-123");
  await page.locator("#next").fill("my own long passphrase");
  await page.locator("#confirm").fill("my own long passphrase");
  await page.getByRole("button", { name: "Save password" }).click();
  // Then, under the default STAFF_2FA=required, the second factor (e2e/two-factor.spec.ts).
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-factor sign-in");
});
