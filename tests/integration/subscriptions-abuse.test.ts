import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as manage } from "../../src/app/api/subscriptions/manage/route";
import { POST as subscribe } from "../../src/app/api/subscriptions/route";
import * as confirmPage from "../../src/pages/subscription/confirm";
import * as subscriptionPage from "../../src/pages/subscription/index";
import { GET as unsubscribePage, POST as unsubscribeOneClick } from "../../src/app/unsubscribe/route";
import { manageToken } from "../../src/server/subscriptions/links";
import { subscribeLimiters } from "../../src/server/subscriptions/rate-limits";
import { pageRenderer } from "../helpers/page";
import { request } from "../helpers/route";
import { addTopic } from "../helpers/digest-fixtures";
import { APP_URL, linkIn, startSubscriptionEnv, tokenOf } from "../helpers/subscription-env";

// Each test gets its own database, SMTP server and empty rate limits: it reads only what it wrote.
let env: Awaited<ReturnType<typeof startSubscriptionEnv>>;
beforeEach(async () => {
  env = await startSubscriptionEnv();
});
afterEach(async () => env.stop());

let ipCounter = 0;
const json = (body: unknown, ip = `198.51.100.${++ipCounter}`) =>
  request("/api/subscriptions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    ip,
  });
const formPost = (body: string, ip = `198.51.100.${++ipCounter}`) =>
  request("/api/subscriptions", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
    ip,
  });
const ConfirmPage = pageRenderer(confirmPage);
const SubscriptionPage = pageRenderer(subscriptionPage);
const search = (token: string) => `?${new URLSearchParams({ token })}`;

describe("no enumeration", () => {
  it("answers byte-identical bodies for new, pending, active and unsubscribed addresses", async () => {
    const { db } = env.temp;
    for (const email of ["pending@example.com", "active@example.com", "gone@example.com"])
      expect((await subscribe(json({ email }))).status).toBe(202);
    await db.subscriber.update({
      where: { email: "active@example.com" },
      data: { status: "active", confirmedAt: new Date() },
    });
    await db.subscriber.update({
      where: { email: "gone@example.com" },
      data: { status: "unsubscribed", unsubscribedAt: new Date() },
    });
    await env.temp.store.rateLimits.clear(subscribeLimiters.perAddress.scope);
    const answers = [];
    for (const email of ["new@example.com", "pending@example.com", "active@example.com", "gone@example.com"]) {
      const response = await subscribe(json({ email, topics: ["llm"] }));
      answers.push({
        status: response.status,
        type: response.headers.get("content-type"),
        body: await response.text(),
      });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.status).toBe(202);
    // The active address got a note with its manage link instead of a confirmation; its state did not change.
    // Three confirmations, then one mail for each of the four addresses.
    const mails = await env.smtp.waitFor(7);
    expect(
      mails.some(
        (m) => m.to[0] === "active@example.com" && m.parsed.subject === "You are already subscribed to paper-digest",
      ),
    ).toBe(true);
    expect((await db.subscriber.findUniqueOrThrow({ where: { email: "active@example.com" } })).status).toBe("active");
  });

  it("form posts get the same 303 to the check-your-inbox page", async () => {
    await addTopic(env.temp.db, "llm", "LLM");
    const response = await subscribe(formPost("email=form%40example.com&topics=llm&topics=vision&website="));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/subscribe/check-inbox");
    // A topic we do not have is not dropped: it became search words.
    expect(await env.temp.db.subscriber.findUniqueOrThrow({ where: { email: "form@example.com" } })).toMatchObject({
      topics: '["llm"]',
      query: "vision",
    });
  });

  it("keeps bots that fill the honeypot out without telling them", async () => {
    const response = await subscribe(json({ email: "bot@example.com", website: "http://spam.example" }));
    expect(response.status).toBe(202);
    expect(await env.temp.db.subscriber.count({ where: { email: "bot@example.com" } })).toBe(0);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After after 10 requests from one IP in 15 minutes", async () => {
    for (let i = 0; i < 10; i++)
      expect((await subscribe(json({ email: "not an email" }, "192.0.2.50"))).status).toBe(400);
    const limited = await subscribe(json({ email: "ip@example.com" }, "192.0.2.50"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    const form = await subscribe(formPost("email=ip%40example.com", "192.0.2.50"));
    expect(form.status).toBe(429);
    expect(form.headers.get("content-type")).toContain("text/html");
  });

  it("answers 429 after 3 requests for one address in an hour, whatever the case or IP", async () => {
    for (const email of ["flood@example.com", "FLOOD@example.com", "flood@EXAMPLE.com"])
      expect((await subscribe(json({ email }))).status).toBe(202);
    const limited = await subscribe(json({ email: "Flood@Example.com" }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("bad input", () => {
  it("names the field in a 400 for JSON and shows a page for forms, never a 500", async () => {
    const cases: [unknown, string][] = [
      [{ email: "a@b" }, "email"],
      [
        {
          email: "x@example.com",
          topics: Array(30)
            .fill("t")
            .map((t, i) => t + i),
        },
        "topics",
      ],
      [{}, "email"],
      [{ email: 42 }, "email"],
      [{ email: "x@example.com", topics: ["<script>"] }, "topics"],
    ];
    for (const [body, field] of cases) {
      const response = await subscribe(json(body));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_parameter", field } });
    }
    const broken = await subscribe(
      request("/api/subscriptions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{",
        ip: "192.0.2.77",
      }),
    );
    expect(broken.status).toBe(400);
    const wrongType = await subscribe(
      request("/api/subscriptions", {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body: "hi",
        ip: "192.0.2.78",
      }),
    );
    expect(wrongType.status).toBe(415);
    const form = await subscribe(formPost("email=nope"));
    expect(form.status).toBe(400);
    expect(await form.text()).toContain("An email address looks like name@example.com.");
    expect(await env.temp.db.subscriber.count({ where: { email: { contains: "nope" } } })).toBe(0);
  });
});

describe("bad tokens get helpful 4xx pages", () => {
  it("rejects tampered, expired and unknown confirmation tokens", async () => {
    await subscribe(json({ email: "tokens@example.com" }));
    const [mail] = await env.smtp.waitFor(1);
    expect(mail!.to).toEqual(["tokens@example.com"]);
    const token = tokenOf(linkIn(mail!.parsed.text, `${APP_URL}/subscription/confirm?token=`));
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [tampered, "unknown", "", "x".repeat(5000)])
      expect((await ConfirmPage(search(bad))).status).toBe(404);
    await env.temp.db.subscriber.update({
      where: { email: "tokens@example.com" },
      data: { confirmExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await ConfirmPage(search(token))).status).toBe(404);
    expect((await env.temp.db.subscriber.findUniqueOrThrow({ where: { email: "tokens@example.com" } })).status).toBe(
      "pending",
    );
  });

  it("rejects tampered, unknown and rotated manage tokens on every manage surface", async () => {
    expect((await subscribe(json({ email: "manage@example.com" }))).status).toBe(202);
    const row = await env.temp.db.subscriber.findUniqueOrThrow({ where: { email: "manage@example.com" } });
    const good = manageToken(row);
    const tampered = `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`;
    const otherId = `${row.id + 1000}${good.slice(String(row.id).length)}`;
    for (const bad of [tampered, otherId, "1.short", "%%%"]) {
      expect((await SubscriptionPage(search(bad))).status).toBe(404);
      const url = `/unsubscribe?token=${encodeURIComponent(bad)}`;
      expect((await unsubscribePage(request(url))).status).toBe(404);
      const post = await unsubscribeOneClick(
        request(url, {
          method: "POST",
          body: "List-Unsubscribe=One-Click",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }),
      );
      expect(post.status).toBe(404);
      expect(await post.text()).toContain("Link not recognised");
      const api = await manage(
        request("/api/subscriptions/manage", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ token: bad, action: "pause" }),
        }),
      );
      expect(api.status).toBe(404);
    }
    const rotated = await manage(
      request("/api/subscriptions/manage", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token: good, action: "rotate" }),
      }),
    );
    const { subscription } = (await rotated.json()) as { subscription: { token: string } };
    expect(subscription.token).not.toBe(good);
    expect((await unsubscribePage(request(`/unsubscribe?token=${encodeURIComponent(good)}`))).status).toBe(404);
    expect(
      (await unsubscribePage(request(`/unsubscribe?token=${encodeURIComponent(subscription.token)}`))).status,
    ).toBe(200);
    const badAction = await manage(
      request("/api/subscriptions/manage", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token: subscription.token, action: "explode" }),
      }),
    );
    expect(badAction.status).toBe(400);
    expect(await badAction.json()).toMatchObject({ error: { field: "action" } });
  });
});
