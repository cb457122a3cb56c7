import type { Locator, Page } from "@playwright/test";
import { expect, ownPaperId, paperById, test } from "./fixtures";

const card = (page: Page, title: string) =>
  page.locator("article", { has: page.getByRole("heading", { name: title, exact: true }) });
const voteButton = (page: Page, paperId: number) => page.locator(`form[data-vote="${paperId}"] button`);
/** The count a vote button shows, as a number. */
const shownVotes = async (page: Page, paperId: number) =>
  Number(await voteButton(page, paperId).getAttribute("data-votes"));

/** The reason texts a card shows (each reason's first text node: its detail follows for screen readers and on hover). */
const shownReasons = (article: Locator) =>
  article.locator(".trend-reason").evaluateAll((spans) => spans.map((span) => span.firstChild?.textContent ?? ""));
const REASON =
  /^(\d+ upvotes?( today| this week)?|\d+ views? this week|(\d+ )?digest clicks? this week|#\d+ on the source list|\d+ upvotes? at the source|new|no signals yet)$/;

test("every card on the feed says why it is there", async ({ page }) => {
  await page.goto("/");
  const cards = page.locator("ol[aria-label=Papers] > li article");
  await expect(cards).toHaveCount(20);
  for (const article of await cards.all()) {
    const title = await article.getByRole("heading", { level: 2 }).textContent();
    await expect(article.getByText("Why it is trending:"), `${title}`).toBeAttached();
    const reasons = await shownReasons(article);
    expect(reasons.length, `${title}`).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason, `${title}`).toMatch(REASON);
  }
});

test("upvoting with JavaScript updates the count at once and survives a reload", async ({ page }) => {
  const paper = await paperById(page.request, ownPaperId(100, test.info()));
  await page.goto(`/papers/${paper.slug}`);
  const button = voteButton(page, paper.id);
  await expect(button).toHaveAttribute("aria-pressed", "false");
  const before = await shownVotes(page, paper.id);
  await button.click();
  // At once: the button changes before the server has answered ...
  await expect(button).toHaveAccessibleName(new RegExp(`^Upvoted .*, ${before + 1} upvotes?$`));
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toHaveText(String(before + 1));
  // ... and once the server has saved it (the button is no longer busy), a reload shows it as this reader's.
  await expect(button).toHaveAttribute("aria-busy", "false");
  await page.reload();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toHaveText(String(before + 1));
});

test("a vote still on its way when the reader reloads is saved, and is this reader's", async ({ page }) => {
  const paper = await paperById(page.request, ownPaperId(115, test.info()));
  await page.goto(`/papers/${paper.slug}`);
  const button = voteButton(page, paper.id);
  const before = await shownVotes(page, paper.id);
  // Hold the vote request until the reload has replaced the page that sent it.
  let reloaded!: () => void;
  const afterReload = new Promise<void>((resolve) => (reloaded = resolve));
  let forwarded!: () => void;
  const sentOn = new Promise<void>((resolve) => (forwarded = resolve));
  await page.route(`**/api/papers/${paper.id}/vote`, async (route) => {
    await afterReload;
    await route.continue().finally(forwarded);
  });
  await button.click();
  await expect(button).toHaveText(String(before + 1));
  await page.reload();
  reloaded();
  await sentOn;
  // The answer (and the cookie that makes the vote this reader's) arrives after the reload: look again until one
  // page shows both. The page reads the count and the reader's votes in two queries, so a page rendered while
  // the vote commits may show one without the other; the next one shows both.
  await expect(async () => {
    await page.reload();
    await expect(button).toHaveAttribute("aria-pressed", "true", { timeout: 1_000 });
    await expect(button).toHaveText(String(before + 1), { timeout: 1_000 });
  }).toPass();
});

test("a reader sees their own votes on cached pages, through the per-visitor request", async ({ page }) => {
  const paper = await paperById(page.request, ownPaperId(145, test.info()));
  // page.request shares the browser's cookies: this vote is the reader's.
  const vote = await page.request.post(`/api/papers/${paper.id}/vote`, { headers: { accept: "application/json" } });
  expect(await vote.json()).toMatchObject({ voted: true });
  for (const address of [`/papers/${paper.slug}`, `/?${new URLSearchParams({ q: paper.title, window: "all" })}`]) {
    const own = page.waitForResponse((response) => response.url().includes("/api/visitor/votes"));
    const document = await page.goto(address);
    // The page itself is the same for everyone: its button arrives unpressed ...
    expect(await document!.text()).toContain(`data-vote="${paper.id}"`);
    expect(document!.headers()["set-cookie"]).toBeUndefined();
    const ownVotes = await (await own).json();
    expect(ownVotes.voted).toContain(paper.id);
    // ... and the client script presses it from the per-visitor answer.
    await expect(voteButton(page, paper.id)).toHaveAttribute("aria-pressed", "true");
    await expect(voteButton(page, paper.id)).toHaveText(String(ownVotes.votes[paper.id]));
  }
  // Another reader (no cookie) gets the same page, unpressed.
  await page.context().clearCookies();
  await page.goto(`/papers/${paper.slug}`);
  await expect(voteButton(page, paper.id)).toHaveAttribute("aria-pressed", "false");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // Pages are the same for every visitor (so they can be cached): without the client script a page cannot
  // say which papers this reader upvoted, but the count is current at once.
  test("the upvote form posts, returns to the same place and shows the new count", async ({ page }) => {
    const paper = await paperById(page.request, ownPaperId(130, test.info()));
    const list = `/?${new URLSearchParams({ q: paper.title, window: "all" })}`;
    await page.goto(list);
    const before = await shownVotes(page, paper.id);
    await card(page, paper.title)
      .getByRole("button", { name: /^Upvote/ })
      .click();
    await expect(page).toHaveURL(`${list}#paper-${paper.id}-title`);
    await expect(voteButton(page, paper.id)).toHaveText(String(before + 1));
    await page.reload();
    await expect(voteButton(page, paper.id)).toHaveText(String(before + 1));
    // Pressing it again is the same reader's same vote: the count stays.
    await voteButton(page, paper.id).click();
    await expect(voteButton(page, paper.id)).toHaveText(String(before + 1));
  });
});

test("a handful of votes from different visitors lifts a lower paper onto the first page", async ({
  page,
  playwright,
  baseURL,
  clientAddress,
}) => {
  // Sample papers 60 and beyond start below the first page; nobody else votes on this one.
  const { id, title } = await paperById(page.request, ownPaperId(60, test.info()));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: title, exact: true })).toHaveCount(0);
  for (let visitor = 0; visitor < 4; visitor++) {
    // A fresh visitor: no cookie yet.
    const api = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": clientAddress },
    });
    const vote = await api.post(`/api/papers/${id}/vote`, { headers: { accept: "application/json" } });
    expect(vote.status()).toBe(200);
    expect(await vote.json()).toMatchObject({ voted: true, votes: visitor + 1 });
    await api.dispose();
  }
  await page.reload();
  await expect(card(page, title)).toContainText("4 upvotes");
});
