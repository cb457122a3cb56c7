import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as manage } from "../../src/app/api/subscriptions/manage/route";
import { POST as subscribe } from "../../src/app/api/subscriptions/route";
import * as confirmPage from "../../src/pages/subscription/confirm";
import * as subscriptionPage from "../../src/pages/subscription/index";
import { GET as unsubscribePage, POST as unsubscribeOneClick } from "../../src/app/unsubscribe/route";
import { SUBSCRIBE_ACCEPTED_BODY } from "../../src/server/subscriptions/subscribe-input";
import { pageRenderer } from "../helpers/page";
import { request } from "../helpers/route";
import { addTopic } from "../helpers/digest-fixtures";
import { APP_URL, clickConfirm, linkIn, startSubscriptionEnv, tokenOf } from "../helpers/subscription-env";

let env: Awaited<ReturnType<typeof startSubscriptionEnv>>;
beforeAll(async () => {
  env = await startSubscriptionEnv();
});
afterAll(async () => env.stop());

const json = (body: unknown, ip: string) =>
  request("/api/subscriptions", {
    method: "POST",
    headers: { "Content-Type": "application/json", "User-Agent": "vitest" },
    body: JSON.stringify(body),
    ip,
  });
const search = (token: string, extra: Record<string, string> = {}) => `?${new URLSearchParams({ token, ...extra })}`;
const ConfirmPage = pageRenderer(confirmPage);
const SubscriptionPage = pageRenderer(subscriptionPage);

describe("subscribe, confirm, manage, unsubscribe, subscribe again", () => {
  it("runs the whole life of a subscription over real SMTP", async () => {
    const { db } = env.temp;
    await addTopic(db, "diffusion", "Diffusion");
    const first = await subscribe(json({ email: "  Reader@Example.COM ", topics: ["Diffusion"] }, "203.0.113.1"));
    expect(first.status).toBe(202);
    expect(await first.text()).toBe(SUBSCRIBE_ACCEPTED_BODY);

    const [mail] = await env.smtp.waitFor(1);
    expect(mail!.to).toEqual(["Reader@example.com"]);
    expect(mail!.parsed.subject).toBe("Confirm your paper-digest subscription");
    expect(mail!.parsed.html).toContain("Confirm subscription");
    const confirmLink = linkIn(mail!.parsed.text, `${APP_URL}/subscription/confirm?token=`);
    expect(mail!.parsed.html).toContain(confirmLink);

    const pending = await db.subscriber.findUniqueOrThrow({ where: { email: "Reader@example.com" } });
    expect(pending).toMatchObject({
      status: "pending",
      topics: '["diffusion"]',
      consentUserAgent: "vitest",
      confirmPending: false,
    });
    expect(pending.consentIpHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pending.confirmTokenHash).not.toContain(tokenOf(confirmLink));

    // Opening the link (as a mail scanner does) changes nothing; the button's post confirms.
    expect((await ConfirmPage(search(tokenOf(confirmLink)))).html).toContain("Confirm subscription");
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("pending");
    const confirmed = (await clickConfirm(tokenOf(confirmLink))).html;
    expect(confirmed).toContain("You are subscribed");
    expect(confirmed).toContain("R•••r@e•••.com");
    expect(confirmed).not.toContain("Reader@example.com");
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("active");
    // The token went with the click: the link is spent.
    expect(await clickConfirm(tokenOf(confirmLink))).toMatchObject({ status: 404 });

    const manageUrl = linkIn(
      confirmed
        .match(/href="([^"]+)"/g)
        ?.map((h) => h.slice(6, -1).replace(/&amp;/g, "&"))
        .join(" "),
      `${APP_URL}/subscription?token=`,
    );
    const manageToken = tokenOf(manageUrl);
    const page = (await SubscriptionPage(search(manageToken))).html;
    expect(page).toContain("Active.");
    expect(page).toContain("Daily, every morning.");
    const form = new URLSearchParams([
      ["token", manageToken],
      ["action", "topics"],
      ["topics", "llm"],
      ["topics", "Robotics,  Vision "],
    ]);
    const saved = await manage(
      request("/api/subscriptions/manage", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/subscription?token=${encodeURIComponent(manageToken)}&done=topics`);
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).topics).toBe(
      '["llm","robotics","vision"]',
    );
    expect((await SubscriptionPage(search(manageToken, { done: "topics" }))).html).toContain("Topics saved.");

    const unsubscribeUrl = `/unsubscribe?token=${encodeURIComponent(manageToken)}`;
    const shown = await unsubscribePage(request(unsubscribeUrl));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('name="List-Unsubscribe" value="One-Click"');
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("active");

    const oneClick = () =>
      unsubscribeOneClick(
        request(unsubscribeUrl, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
      );
    const left = await oneClick();
    expect(left.status).toBe(200);
    expect(left.headers.get("location")).toBeNull();
    expect(await left.text()).toContain("You are unsubscribed");
    const after = await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } });
    expect(after.status).toBe("unsubscribed");
    expect(after.unsubscribedAt).toBeInstanceOf(Date);
    expect((await oneClick()).status).toBe(200);
    // The old confirmation link cannot bring an unsubscribed address back.
    expect((await ConfirmPage(search(tokenOf(confirmLink)))).status).toBe(404);

    const again = await subscribe(json({ email: "reader@example.com" }, "203.0.113.2"));
    expect(again.status).toBe(202);
    expect(await again.text()).toBe(SUBSCRIBE_ACCEPTED_BODY);
    const [, second] = await env.smtp.waitFor(2);
    const secondLink = linkIn(second!.parsed.text, `${APP_URL}/subscription/confirm?token=`);
    expect(secondLink).not.toBe(confirmLink);
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("pending");
    expect((await clickConfirm(tokenOf(secondLink))).html).toContain("You are subscribed");
    expect(await db.subscriber.count()).toBe(1);
  });
});
