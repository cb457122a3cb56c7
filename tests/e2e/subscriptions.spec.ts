import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** An address no other test (nor another run of this one) uses; it ends in a digit. */
const unique = (name: string) => `${name}-${crypto.randomUUID()}-${crypto.randomInt(10)}@example.com`;

/** Opens the newest outbox mail to `email` and follows its confirmation link. */
async function confirmFromOutbox(page: Page, email: string) {
  await page.goto("/dev/outbox");
  await page
    .getByRole("link", { name: new RegExp(`to ${email.replace(/[.+]/g, "\\$&")}`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your paper-digest subscription");
  await page.getByRole("link", { name: /\/subscription\/confirm\?token=/ }).click();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
}

test("subscribe with JavaScript: inline validation, a confirmation state, then confirm from the outbox", async ({
  page,
}) => {
  const email = unique("js");
  await page.goto("/subscribe");
  const field = page.getByLabel("Email address");
  await field.fill("not-an-address");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "An email address" })).toHaveText(
    "An email address looks like name@example.com.",
  );
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill(email);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await expect(page).toHaveURL(/\/subscribe$/);
  await confirmFromOutbox(page, email);
});

test("the feed's subscribe box signs up without leaving the page", async ({ page }) => {
  const email = unique("feed");
  await page.goto("/?window=month");
  const box = page.locator("#subscribe");
  await box.getByLabel("Email address").fill(email);
  await box.getByRole("checkbox").first().check();
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box).toHaveAttribute("role", "status");
  await expect(box).toContainText("Check your inbox");
  await expect(box.locator("strong")).toHaveText(/^f•••\d@e•••\.com$/);
  await expect(page).toHaveURL(/\/\?window=month$/);
  await box.getByRole("button", { name: "Use another address" }).click();
  await expect(box.getByLabel("Email address")).toBeFocused();
  await confirmFromOutbox(page, email);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form post lands on the check-your-inbox page, and confirming works", async ({ page }) => {
    const email = unique("nojs");
    await page.goto("/subscribe");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page).toHaveURL(/\/subscribe\/check-inbox$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your inbox");
    await confirmFromOutbox(page, email);
    await page.getByRole("link", { name: "Manage subscription" }).click();
    await expect(page.getByTestId("subscription-status")).toHaveText(/^Active/);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByTestId("subscription-status")).toHaveText(/^Unsubscribed/);
  });
});

test("a bad confirmation link answers a helpful 404 page", async ({ page }) => {
  const response = await page.goto("/subscription/confirm?token=not-a-real-token");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This confirmation link does not work");
});

test("subscribe to a search from the search page, confirm, then make it weekly on the manage page", async ({
  page,
}) => {
  const email = unique("search");
  await page.goto("/?q=low-rank+adaptation");
  await page.getByTestId("get-by-email").click();
  await expect(page).toHaveURL(/\/subscribe\?q=low-rank\+adaptation$/);
  await expect(page.getByLabel(/^Search words/)).toHaveValue("low-rank adaptation");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await confirmFromOutbox(page, email);

  await page.getByRole("link", { name: "Manage subscription" }).click();
  await expect(page.getByTestId("subscription-cadence")).toHaveText("Daily, every morning.");
  await expect(page.getByLabel(/^Search words/)).toHaveValue("low-rank adaptation");
  await expect(page.getByTestId("query-feed-link")).toHaveText("/feed.xml?q=low-rank+adaptation");
  await page.getByRole("radio", { name: "Weekly, on" }).check();
  await page.getByLabel("Weekday").selectOption("wed");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await expect(page.getByTestId("subscription-cadence")).toHaveText("Weekly, on Wednesdays.");
  await expect(page.getByLabel(/^Search words/)).toHaveValue("low-rank adaptation");
  await expect(page.getByLabel("Weekday")).toHaveValue("wed");
});
