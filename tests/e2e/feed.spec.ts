import { expect, ownPaperId, paperById, test, testOnOwnServer } from "./fixtures";

// Votes and views of other tests move papers up the shared server's feed: this one reads an untouched sample.
testOnOwnServer("the feed shows the first page of sample papers in source order", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Trending papers" })).toBeVisible();
  const cards = page.locator("ol[aria-label=Papers] > li article");
  await expect(cards).toHaveCount(20);
  const titles = cards.locator("h2");
  await expect(titles.nth(0)).toHaveText("Activation Space Selectable Kolmogorov-Arnold Networks");
  await expect(titles.nth(1)).toHaveText("Fira: Can We Achieve Full-rank Training of LLMs Under Low-rank Constraint?");
  await expect(titles.nth(2)).toHaveText("On the Benefits of Rank in Attention Layers");
  for (let rank = 1; rank <= 20; rank++) {
    const card = cards.nth(rank - 1);
    await expect(card.getByLabel(`Rank ${rank}`, { exact: true })).toBeVisible();
    await expect(card).toContainText(`#${rank} on the source list`);
  }
});

test("a card opens the paper's page with its full abstract", async ({ page }) => {
  await page.goto("/");
  const link = page.locator("ol[aria-label=Papers] > li h2 a").first();
  const slug = (await link.getAttribute("href"))!.replace(/^\/papers\//, "");
  const title = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/papers/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const paperId = Number(await page.locator("form[data-vote]").getAttribute("data-vote"));
  const { abstract } = await paperById(page.request, paperId);
  // The whole abstract, not the card's clamped start of it.
  await expect(page.getByRole("region", { name: "Abstract" })).toContainText(abstract.replace(/\s+/g, " ").trim());
});

test("an unknown paper slug answers the 404 page with status 404", async ({ page }) => {
  const response = await page.goto("/papers/no-such-paper-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("the next page continues the ranking", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Next page" }).click();
  const cards = page.locator("ol[aria-label=Papers] > li article");
  await expect(cards).toHaveCount(20);
  await expect(cards.first().getByLabel("Rank 21", { exact: true })).toBeVisible();
  await expect(cards.last().getByLabel("Rank 40", { exact: true })).toBeVisible();
});

test("the feed and paper pages are plain HTML plus one small script, not a framework bundle", async ({ request }) => {
  for (const path of ["/", "/?q=lora", "/papers/on-the-benefits-of-rank-in-attention-layers"]) {
    const html = await (await request.get(path)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts, path).toEqual(["/enhance.js"]);
  }
});

test("opening a paper page counts one view from the browser", async ({ page }) => {
  // A paper nobody else opens, so the count it shows is this test's alone.
  const paper = await paperById(page.request, ownPaperId(160, test.info()));
  const viewSent = () =>
    page.waitForResponse(
      (response) => response.url().endsWith(`/api/papers/${paper.id}/view`) && response.request().method() === "POST",
    );
  const reasons = page.locator(".trend-reason");
  let sent = viewSent();
  await page.goto(`/papers/${paper.slug}`);
  expect((await sent).ok()).toBe(true);
  await expect(reasons.filter({ hasText: /views? this week/ })).toHaveCount(0); // rendered before the view came in
  // A view does not drop cached pages (under a crowd every page load sends one): the page shows it once the
  // cached copy has aged out (s-maxage, docs/architecture.md "Caching"). Look again until it does.
  await expect(async () => {
    sent = viewSent();
    await page.reload();
    expect((await sent).ok()).toBe(true);
    await expect(reasons.filter({ hasText: /views? this week/ })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ intervals: [2_000] });
  await expect(reasons.filter({ hasText: /views? this week/ })).toContainText("1 view this week");
  // The same reader opening the page again the same day adds none.
  sent = viewSent();
  await page.reload();
  expect((await sent).ok()).toBe(true);
  await expect(reasons.filter({ hasText: /views? this week/ })).toContainText("1 view this week");
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
