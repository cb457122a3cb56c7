import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { E2E_CRON_SECRET, expect, test } from "./fixtures";

const auth = { Authorization: `Bearer ${E2E_CRON_SECRET}` };
/** An address no other test (nor another run of this one) uses. */
const unique = (name: string) => `${name}-${crypto.randomUUID()}@example.com`;
/** The outbox links of the mails to one address, newest first. */
const mailsTo = (page: Page, email: string) =>
  page.getByRole("link", { name: new RegExp(`to ${email.replace(/[.+]/g, "\\$&")}`) });

/** Subscribes through the API; with `confirm`, confirms through the outbox, as a reader would. */
async function subscribe(page: Page, email: string, { confirm }: { confirm: boolean }) {
  const answer = await page.request.post("/api/subscriptions", { data: { email, topics: [] } });
  expect(answer.status()).toBe(202);
  if (!confirm) return;
  await page.goto("/dev/outbox");
  await mailsTo(page, email).first().click();
  await page.getByRole("link", { name: /\/subscription\/confirm\?token=/ }).click();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
}

// Other tests' readers may be on the same server, so this one counts only its own readers' mail.
test("the cron route sends one digest per confirmed subscriber, once; its links work", async ({ page }) => {
  test.setTimeout(120_000);
  const [first, second, unconfirmed] = [unique("digest-a"), unique("digest-b"), unique("digest-pending")];
  await subscribe(page, first, { confirm: true });
  await subscribe(page, second, { confirm: true });
  await subscribe(page, unconfirmed, { confirm: false });

  const unauthorized = await page.request.get("/api/cron/digest");
  expect(unauthorized.status()).toBe(401);
  for (let call = 0; call < 2; call++)
    expect((await page.request.get("/api/cron/digest", { headers: auth })).status()).toBe(200);

  // A run another test started at the same moment may be the one that sends to our readers: look again until
  // it has; a second digest to anyone would never go away.
  await expect(async () => {
    await page.goto("/dev/outbox");
    for (const reader of [first, second]) {
      await expect(mailsTo(page, reader)).toHaveCount(2, { timeout: 1_000 }); // the confirmation and one digest
      await expect(mailsTo(page, reader).filter({ hasText: /^Paper digest, / })).toHaveCount(1, { timeout: 1_000 });
    }
  }).toPass();
  await expect(mailsTo(page, unconfirmed)).toHaveCount(1); // the confirmation only

  const digestMail = mailsTo(page, first).filter({ hasText: /^Paper digest, / });
  await digestMail.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Paper digest, /);
  await page.getByRole("link", { name: /\/r\// }).first().click();
  await expect(page).toHaveURL(/\/papers\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/dev/outbox");
  await digestMail.click();
  await page
    .getByRole("link", { name: /\/subscription\?token=/ })
    .first()
    .click();
  await expect(page.getByTestId("subscription-status")).toHaveText(/^Active/);
});

test("today's edition and its archive are pages", async ({ page }) => {
  test.setTimeout(120_000);
  // An edition is archived once it has sent mail: this test's own reader makes sure it has.
  await subscribe(page, unique("archive"), { confirm: true });
  const run = await page.request.get("/api/cron/digest", { headers: auth });
  expect(run.status()).toBe(200);
  const { date } = (await run.json()) as { date: string };

  // The edition is listed once a mail of it is sent (possibly by a run another test started at the same moment).
  const archived = page
    .getByRole("navigation", { name: "Past editions" })
    .getByRole("link", { name: date, exact: true });
  await expect(async () => {
    await page.goto("/digest");
    await expect(archived).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main a[href^='/papers/']").first()).toBeVisible();
  await archived.click();

  await expect(page).toHaveURL(new RegExp(`/digest/${date}$`));
  await expect(page.getByText("Digest archive")).toBeVisible();
  await expect(page.getByText(/^Sent to \d+ readers?; /)).toBeVisible();
  await expect(page).toHaveTitle(/^Digest of /);
  // Papers are listed once five readers got them (tests/integration/server-security-headers.test.ts checks
  // which); this server's readers are whatever other tests made, so only the rule is checked here.
  await expect(page.getByTestId("archive-privacy")).toContainText("at least 5 readers");
});
