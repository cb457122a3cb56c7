import { expect, test, type Page } from "@playwright/test";
import { E2E_CRON_SECRET } from "../../playwright.config";

/** Subscribes through the API and confirms through the outbox, as a reader would. */
async function subscribeAndConfirm(page: Page, email: string) {
  const answer = await page.request.post("/api/subscriptions", { data: { email, topics: [] } });
  expect(answer.status()).toBe(202);
  await page.goto("/dev/outbox");
  await page
    .getByRole("link", { name: new RegExp(`to ${email.replace(/[.+]/g, "\\$&")}`) })
    .first()
    .click();
  await page.getByRole("link", { name: /\/subscription\/confirm\?token=/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
}

test("the cron route sends one digest per confirmed subscriber, once; its links work", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `digest-${Date.now()}@example.com`;
  await subscribeAndConfirm(page, email);

  const unauthorized = await page.request.get("/api/cron/digest");
  expect(unauthorized.status()).toBe(401);

  const auth = { Authorization: `Bearer ${E2E_CRON_SECRET}` };
  const first = await page.request.get("/api/cron/digest", { headers: auth });
  expect(first.status()).toBe(200);
  expect((await first.json()).sent).toBeGreaterThanOrEqual(1);
  const second = await page.request.get("/api/cron/digest", { headers: auth });
  expect((await second.json()).sent).toBe(0);

  await page.goto("/dev/outbox");
  const mailsToReader = page.getByRole("link", { name: new RegExp(`to ${email.replace(/[.+]/g, "\\$&")}`) });
  await expect(mailsToReader).toHaveCount(2); // the confirmation and exactly one digest
  const digestMails = mailsToReader.filter({ hasText: /^Paper digest, / });
  await expect(digestMails).toHaveCount(1);
  await digestMails.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Paper digest, /);

  const tracked = page.getByRole("link", { name: /\/r\// }).first();
  await tracked.click();
  await expect(page).toHaveURL(/\/papers\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/dev/outbox");
  await digestMails.first().click();
  await page
    .getByRole("link", { name: /\/subscription\?token=/ })
    .first()
    .click();
  await expect(page.getByTestId("subscription-status")).toHaveText(/^Active/);
});

test("today's edition and its archive are pages", async ({ page }) => {
  await page.goto("/digest");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main a[href^='/papers/']").first()).toBeVisible();
});
