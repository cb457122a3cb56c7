// Every page kind is plain HTML plus the one client bundle: no framework runtime, no __NEXT_DATA__, no
// inline script or event-handler attribute (a strict CSP can forbid inline script without breaking a page).
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const PAGES: [string, number][] = [
  ["/", 200],
  ["/?q=lora", 200],
  ["/papers/on-the-benefits-of-rank-in-attention-layers", 200],
  ["/topics", 200],
  ["/digest", 200],
  ["/digest/preview?token=nope", 200],
  ["/subscribe", 200],
  ["/subscribe/check-inbox", 200],
  ["/subscription?token=nope", 404],
  ["/subscription/confirm?token=nope", 404],
  ["/papers/no-such-paper", 404],
  ["/no/such/page", 404],
  ["/digest/2001-01-01", 404],
  ["/papers/%E0%A4%A", 400],
];

function checkHtml(html: string, label: string): void {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? "");
  const executable = scripts.filter((attributes) => !/\btype="application\/ld\+json"/.test(attributes));
  expect(
    executable.map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1] ?? "inline"),
    label,
  ).toEqual(["/enhance.js"]);
  expect(html, label).not.toContain("__NEXT_DATA__");
  expect(html, label).not.toMatch(/\/_next\/static\/[^"]*\.js/);
  expect(html, label).not.toMatch(/<[^>]+\son[a-z]+=/i);
}

test("every page kind ships the client bundle and nothing else that runs", async ({ request }) => {
  const topics = await (await request.get("/api/topics")).json();
  const slug = (topics as { topics: { slug: string }[] }).topics[0]?.slug;
  expect(slug).toBeTruthy();
  for (const [address, status] of [...PAGES, [`/topics/${slug}`, 200] as [string, number]]) {
    const response = await request.get(address);
    expect(response.status(), address).toBe(status);
    checkHtml(await response.text(), address);
  }
});

test("the prerendered 500 page follows the same rule", () => {
  checkHtml(fs.readFileSync(path.join(".next", "server", "pages", "500.html"), "utf8"), "500.html");
});

test("the client bundle is served as a static asset", async ({ request }) => {
  const response = await request.get("/enhance.js");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("javascript");
  expect((await response.body()).byteLength).toBeLessThanOrEqual(12 * 1024);
});
