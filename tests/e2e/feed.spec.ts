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

test("the feed and paper pages are plain HTML plus one small script, not a framework bundle", async ({ request }) => {
  for (const path of ["/", "/?q=lora", "/papers/on-the-benefits-of-rank-in-attention-layers"]) {
    const html = await (await request.get(path)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts, path).toEqual(["/enhance.js"]);
  }
});

test("opening a paper page counts one view from the browser", async ({ page }) => {
  const view = page.waitForResponse(
    (response) => /\/api\/papers\/\d+\/view$/.test(response.url()) && response.request().method() === "POST",
  );
  await page.goto("/papers/on-the-benefits-of-rank-in-attention-layers");
  expect((await view).ok()).toBe(true);
});

test("the share metadata of a paper page names the paper", async ({ page }) => {
  await page.goto("/papers/on-the-benefits-of-rank-in-attention-layers");
  await expect(page).toHaveTitle("On the Benefits of Rank in Attention Layers · paper-digest");
  const meta = (selector: string) => page.locator(selector).first().getAttribute("content");
  expect(await meta('meta[property="og:title"]')).toBe("On the Benefits of Rank in Attention Layers");
  expect(await meta('meta[property="og:type"]')).toBe("article");
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(
    /\/papers\/on-the-benefits-of-rank-in-attention-layers$/,
  );
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as {
    "@type"?: string;
    headline?: string;
  };
  expect(jsonLd).toMatchObject({
    "@type": "ScholarlyArticle",
    headline: "On the Benefits of Rank in Attention Layers",
  });
});
