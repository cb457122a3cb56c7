// The Content-Security-Policy holds on every kind of page: each loads with no violation reported (Chromium
// logs every blocked inline script, eval, style or resource), and the client script still works under it.
import crypto from "node:crypto";
import { E2E_CRON_SECRET, expect, ownPaperId, paperById, test } from "./fixtures";

const auth = { Authorization: `Bearer ${E2E_CRON_SECRET}` };

test("every kind of page loads with no CSP violation, and the vote button works", async ({ page }) => {
  test.setTimeout(240_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  // Reported as well as logged: the event names the directive even where the console text might not.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  const visit = async (path: string) => {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toContain("script-src 'self';");
    await expect(page.locator("h1").first(), path).toBeVisible();
  };

  const paper = await paperById(page.request, ownPaperId(195, test.info()));
  for (const path of ["/", "/?q=diffusion", "/?window=month", "/topics", "/digest", "/subscribe", "/no/such/page"])
    await visit(path);
  await visit("/topics");
  await page.locator("main a[href^='/topics/']").first().click();
  await expect(page.locator("h1")).toBeVisible();

  // The client script runs: the vote button answers at once.
  await visit(`/papers/${paper.slug}`);
  const button = page.locator(`form[data-vote="${paper.id}"] button`);
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toHaveAttribute("aria-busy", "false");

  // The pages a reader reaches from mail, each with a token in its address.
  const email = `csp-${crypto.randomUUID()}@example.com`;
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(email);
  // The client script posts it (a same-origin fetch, as connect-src allows) and answers in place.
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await visit("/subscribe/check-inbox");
  await visit("/dev/outbox");
  await page.getByRole("link", { name: new RegExp(`to ${email.replace(/[.+]/g, "\\$&")}`) }).click();
  await expect(page.getByTitle("HTML part")).toBeVisible(); // the mail's own HTML, framed
  await page.getByRole("link", { name: /\/subscription\/confirm\?token=/ }).click();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
  await page.getByRole("link", { name: "Manage subscription" }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText(/^Active/);
  const token = new URL(page.url()).searchParams.get("token")!;
  await visit(`/digest/preview?token=${encodeURIComponent(token)}`);
  await visit(`/unsubscribe?token=${encodeURIComponent(token)}`);

  // A past edition: the run just made sends this reader a digest.
  const run = await page.request.get("/api/cron/digest", { headers: auth });
  expect(run.status()).toBe(200);
  const { date } = (await run.json()) as { date: string };
  await expect(async () => {
    expect((await page.goto(`/digest/${date}`))?.status()).toBe(200);
  }).toPass();
  await expect(page.locator("h1")).toBeVisible();

  expect(violations).toEqual([]);

  // The listener does hear a violation: an inline script added to a page is blocked and reported.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "document.title = 'inline ran'";
    document.body.append(script);
  });
  // (Chromium's own console line and the event's, both naming the directive.)
  await expect.poll(() => violations.filter((v) => v.includes("script-src")).length).toBe(2);
  expect(await page.title()).not.toBe("inline ran");
});
