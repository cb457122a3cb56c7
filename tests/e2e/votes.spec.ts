import { expect, test, type Page } from "@playwright/test";

const card = (page: Page, title: string) =>
  page.locator("article", { has: page.getByRole("heading", { name: title }) });

test("every card on the feed says why it is there", async ({ page }) => {
  await page.goto("/");
  const first = card(page, "Activation Space Selectable Kolmogorov-Arnold Networks");
  await expect(first).toContainText("#1 on the source list");
});

test("upvoting with JavaScript updates the count at once and survives a reload", async ({ page }) => {
  const title = "On the Benefits of Rank in Attention Layers";
  await page.goto("/");
  const button = card(page, title).getByRole("button", { name: /^Upvote/ });
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  const pressed = card(page, title).getByRole("button", { name: /^Upvoted/ });
  await expect(pressed).toHaveAttribute("aria-pressed", "true");
  await expect(pressed).toHaveText("1");
  await page.reload();
  await expect(card(page, title).getByRole("button", { name: /^Upvoted/ })).toHaveText("1");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the upvote form posts, returns to the same place and shows the vote", async ({ page }) => {
    const title = "Full-Gradient Representation for Neural Network Visualization";
    await page.goto("/?window=month");
    await card(page, title)
      .getByRole("button", { name: /^Upvote/ })
      .click();
    await expect(page).toHaveURL(/\/\?window=month#paper-\d+-title$/);
    await expect(card(page, title).getByRole("button", { name: /^Upvoted/ })).toHaveText("1");
    await page.reload();
    await expect(card(page, title).getByRole("button", { name: /^Upvoted/ })).toHaveText("1");
  });
});

test("a handful of votes from different visitors lifts a lower paper onto the first page", async ({
  page,
  playwright,
  baseURL,
}) => {
  const fortieth = await page.request.get("/api/papers?limit=1&cursor=" + Buffer.from("o39").toString("base64url"));
  const { id, title } = ((await fortieth.json()) as { papers: { id: number; title: string }[] }).papers[0]!;
  await page.goto("/");
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
  for (let visitor = 0; visitor < 4; visitor++) {
    const api = await playwright.request.newContext({ baseURL }); // a fresh visitor: no cookie yet
    const vote = await api.post(`/api/papers/${id}/vote`, { headers: { accept: "application/json" } });
    expect(vote.status()).toBe(200);
    expect(await vote.json()).toMatchObject({ voted: true, votes: visitor + 1 });
    await api.dispose();
  }
  await page.reload();
  await expect(card(page, title)).toContainText("4 upvotes");
});
