import { expect, test } from "@playwright/test";

test("the feed shows the first page of sample papers in source order", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Trending papers" })).toBeVisible();
  const titles = page.locator("ol[aria-label=Papers] > li h2");
  await expect(titles).toHaveCount(20);
  await expect(titles.nth(0)).toHaveText("Activation Space Selectable Kolmogorov-Arnold Networks");
  await expect(titles.nth(1)).toHaveText("Fira: Can We Achieve Full-rank Training of LLMs Under Low-rank Constraint?");
  await expect(titles.nth(2)).toHaveText("On the Benefits of Rank in Attention Layers");
});

test("a card opens the paper's page with its full abstract", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "On the Benefits of Rank in Attention Layers" }).click();
  await expect(page).toHaveURL(/\/papers\/on-the-benefits-of-rank-in-attention-layers$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("On the Benefits of Rank in Attention Layers");
  await expect(page.getByText("Attention-based mechanisms are widely used in machine learning")).toBeVisible();
});

test("an unknown paper slug answers the 404 page with status 404", async ({ page }) => {
  const response = await page.goto("/papers/no-such-paper-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("the next page continues the ranking", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.locator("ol[aria-label=Papers] > li").first()).toContainText("21");
});
