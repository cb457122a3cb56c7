import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `${label} has accessibility violations`).toEqual([]);
}

const PAGES: [string, string][] = [
  ["feed", "/"],
  ["search results", "/?q=low-rank+adaptation"],
  ["topics", "/topics"],
  ["paper", "/papers/on-the-benefits-of-rank-in-attention-layers"],
  ["digest", "/digest"],
  ["subscribe", "/subscribe"],
  ["check inbox", "/subscribe/check-inbox"],
  ["bad confirmation link", "/subscription/confirm?token=nope"],
  ["unsubscribe", "/unsubscribe?token=nope"],
  ["not found", "/papers/no-such-paper"],
];

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const [label, path] of PAGES) {
      test(`${label} (${path}) has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expectNoViolations(page, label);
      });
    }

    test("a topic page has no axe violations", async ({ page }) => {
      await page.goto("/topics");
      await page.locator("main a[href^='/topics/']").first().click();
      await expect(page).toHaveURL(/\/topics\/[a-z0-9.-]+$/);
      await expectNoViolations(page, "topic page");
    });
  });
}
