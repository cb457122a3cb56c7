// A subscription is a saved query: subscribing stores topics, search words, authors and cadence; a topic we do
// not have becomes search words; the manage page edits all of it, shows the query's feed and API links and
// the authors no paper names yet; bad input is a 400 naming the field on every path.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as manage } from "../../src/app/api/subscriptions/manage/route";
import { POST as subscribe } from "../../src/app/api/subscriptions/route";
import * as subscriptionPage from "../../src/pages/subscription/index";
import * as subscribePage from "../../src/pages/subscribe/index";
import { manageToken } from "../../src/server/subscriptions/links";
import { addPaper, addTopic } from "../helpers/digest-fixtures";
import { pageRenderer } from "../helpers/page";
import { request } from "../helpers/route";
import { startSubscriptionEnv } from "../helpers/subscription-env";

let env: Awaited<ReturnType<typeof startSubscriptionEnv>>;
beforeEach(async () => {
  env = await startSubscriptionEnv();
  await addTopic(env.temp.db, "lora", "LoRA");
  await addPaper(env.temp.db, { title: "Adapters", trendKey: 1, authors: ["Edward J. Hu"] });
});
afterEach(async () => env.stop());

let ip = 0;
const post = (path: string, body: unknown, form = false) =>
  request(path, {
    method: "POST",
    headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json" },
    body: form ? new URLSearchParams(body as Record<string, string>) : JSON.stringify(body),
    ip: `198.51.100.${++ip}`,
  });
const SubscriptionPage = pageRenderer(subscriptionPage);
const SubscribePage = pageRenderer(subscribePage);
/** The <input> tag of a field with this value. */
const inputTag = (html: string, name: string, value: string) =>
  [...html.matchAll(/<input[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`name="${name}"`) && tag.includes(`value="${value}"`)) ?? "";
const reader = () => env.temp.db.subscriber.findUniqueOrThrow({ where: { email: "reader@example.com" } });

describe("subscribing to a saved query", () => {
  it("stores topics, words, authors and a weekly cadence; an unknown topic becomes search words", async () => {
    const response = await subscribe(
      post("/api/subscriptions", {
        email: "reader@example.com",
        topics: ["LoRA", "state space duality"],
        query: "low-rank   adaptation",
        authors: ["Edward J. Hu", "edward j. hu", "Weizhu Chen"],
        cadence: "weekly",
        weekday: "tue",
      }),
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "accepted", movedToQuery: ["state space duality"] });
    expect(await reader()).toMatchObject({
      topics: '["lora"]',
      query: "low-rank adaptation state space duality",
      authors: '["Edward J. Hu","Weizhu Chen"]',
      cadence: "weekly",
      weekday: "tue",
    });
  });

  it("takes the same as form fields, with daily on Monday by default", async () => {
    const response = await subscribe(
      post("/api/subscriptions", { email: "reader@example.com", query: "adapters", authors: "A. One, B. Two" }, true),
    );
    expect(response.status).toBe(303);
    expect(await reader()).toMatchObject({
      topics: "[]",
      query: "adapters",
      authors: '["A. One","B. Two"]',
      cadence: "daily",
      weekday: "mon",
    });
  });

  it("fills in the form from a search (“Get this by email”)", async () => {
    const { html } = await SubscribePage("/subscribe?q=low-rank+adaptation&topic=lora&author=Edward+J.+Hu");
    expect(html).toContain('value="low-rank adaptation"');
    expect(html).toContain('value="Edward J. Hu"');
    expect(inputTag(html, "topics", "lora")).toContain('checked=""');
  });

  it("answers 400 naming the field for JSON and forms", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ query: "q".repeat(201) }, "query"],
      [{ authors: Array.from({ length: 21 }, (_, i) => `Author ${i}`) }, "authors"],
      [{ topics: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "topics"],
      [{ weekday: "monday" }, "weekday"],
      [{ cadence: "monthly" }, "cadence"],
      [{ authors: [42] }, "authors"],
    ];
    for (const [extra, field] of cases) {
      const response = await subscribe(post("/api/subscriptions", { email: "bad@example.com", ...extra }));
      expect(response.status, field).toBe(400);
      expect(await response.json()).toMatchObject({ error: { field } });
    }
    const form = await subscribe(
      post("/api/subscriptions", { email: "bad@example.com", query: "q".repeat(201) }, true),
    );
    expect(form.status).toBe(400);
    expect(await form.text()).toContain("The search is at most 200 characters (it has 201).");
    expect(await env.temp.db.subscriber.count()).toBe(0);
  });
});

describe("the manage page", () => {
  it("edits the whole saved query, links its feed and API, and names authors no paper has yet", async () => {
    await subscribe(post("/api/subscriptions", { email: "reader@example.com", topics: ["lora"] }));
    const token = manageToken(await reader());
    const saved = await manage(
      post(
        "/api/subscriptions/manage",
        {
          token,
          action: "follow",
          topics: "lora, mamba",
          query: "adapters",
          authors: "Edward J. Hu, Ada Nobody",
          cadence: "weekly",
          weekday: "fri",
        },
        true,
      ),
    );
    expect(saved.status).toBe(303);
    const location = saved.headers.get("location")!;
    expect(location).toContain("done=follow");
    expect(await reader()).toMatchObject({
      topics: '["lora"]',
      query: "adapters mamba",
      authors: '["Edward J. Hu","Ada Nobody"]',
      cadence: "weekly",
      weekday: "fri",
    });
    const { html } = await SubscriptionPage(location);
    expect(html).toContain("“mamba” is not among our topics, so it was added to your search words.");
    expect(html).toContain("Weekly, on Fridays.");
    expect(html).toContain("No paper here names “Ada Nobody” yet.");
    expect(html).not.toContain("“Edward J. Hu” yet");
    const api = "/api/papers?q=adapters+mamba&amp;topic=lora&amp;author=Edward+J.+Hu&amp;author=Ada+Nobody";
    expect(html).toContain(`href="${api}"`);
    expect(html).toContain(`href="${api.replace("/api/papers", "/feed.xml")}"`);
    expect(inputTag(html, "cadence", "weekly")).toContain('checked=""');
    expect(inputTag(html, "cadence", "daily")).not.toContain("checked");
    expect(html).toMatch(/<option value="fri" selected="">/);
  });

  it("answers 400 naming the field, and changes nothing", async () => {
    await subscribe(post("/api/subscriptions", { email: "reader@example.com" }));
    const token = manageToken(await reader());
    const response = await manage(post("/api/subscriptions/manage", { token, action: "follow", weekday: "xyz" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field: "weekday" } });
    expect(await reader()).toMatchObject({ cadence: "daily", weekday: "mon" });
  });

  it("an empty saved query means everything trending", async () => {
    await subscribe(post("/api/subscriptions", { email: "reader@example.com", topics: ["lora"], query: "x" }));
    const token = manageToken(await reader());
    const response = await manage(post("/api/subscriptions/manage", { token, action: "follow" }));
    expect(response.status).toBe(200);
    expect(await reader()).toMatchObject({ topics: "[]", query: "", authors: "[]" });
    const { html } = await SubscriptionPage(`/subscription?token=${encodeURIComponent(token)}`);
    expect(html).toContain('href="/feed.xml"');
  });
});
