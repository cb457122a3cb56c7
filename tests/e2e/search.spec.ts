import { expect, test } from "./fixtures";

const results = "ol[aria-label=Papers] > li";

test("typing a misspelt topic shows the right paper, highlighted, in a shareable URL", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Search papers" });
  await box.pressSequentially("lora finetunig", { delay: 30 });
  await expect(page).toHaveURL(/\/\?q=lora\+finetunig/);
  const titles = page
    .locator(`${results} h2`)
    .filter({ hasText: /LoRA (vs Full Fine-tuning|Learns Less and Forgets Less)/ });
  await expect(titles.first()).toBeVisible();
  await expect(page.locator(`${results} h2 mark`).first()).toHaveText(/lora/i);

  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole("searchbox", { name: "Search papers" })).toHaveValue("lora finetunig");
  await expect(other.locator(`${results} h2`).filter({ hasText: "LoRA Learns Less and Forgets Less" })).toBeVisible();
});

test("the / key focuses the search box and Esc clears it", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Search papers" });
  // The shortcut works once the page is interactive: keep pressing until it takes.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await box.pressSequentially("kolmogorov arnold");
  await expect(page.locator(`${results} h2`).first()).toContainText("Kolmogorov-Arnold");
  await box.press("Escape");
  await expect(box).toHaveValue("");
});

test("a keyboard-only path from the search shortcut to a paper page", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const box = page.getByRole("searchbox", { name: "Search papers" });
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type("kolmogorov arnold transformer");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=kolmogorov/);
  const link = page.locator(`${results} h2 a`).first();
  await expect(link).toContainText("Kolmogorov-Arnold Transformer");
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\/kolmogorov-arnold-transformer/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kolmogorov-Arnold Transformer");
});

test("a search with nothing found suggests nearby topics", async ({ page }) => {
  await page.goto("/?q=adaptiv&window=all");
  await expect(page.getByText("No papers here yet.")).toBeVisible();
  const suggestions = page.getByRole("list", { name: "Try a nearby topic" }).getByRole("link");
  // Topics whose names are close to what was typed, not just the biggest ones.
  // "Adaptive" alone is no topic (a generic word); the phrase that holds it is.
  await expect(suggestions.first()).toHaveText("Low-rank adaptation");
  for (const suggestion of await suggestions.all()) await expect(suggestion).toHaveText(/adapt/i);
  await suggestions.first().click();
  await expect(page).toHaveURL(/\/topics\/low-rank-adaptation$/);
  await expect(page.locator("main a[href^='/papers/']").first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form still works and highlights matches", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search papers" }).fill("kolmogorov arnold");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/\?q=kolmogorov\+arnold/);
    await expect(page.locator(`${results} h2`).first()).toContainText("Kolmogorov-Arnold");
    await expect(page.locator(`${results} h2 mark`).first()).toBeVisible();
  });
});
