// What a reader receives: headers and parts exactly as specified, links that work, their topics first.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as clickRoute } from "../../src/app/r/[token]/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "../../src/app/unsubscribe/route";
import { env } from "../../src/env";
import { useStore } from "../../src/server/store/open-store";
import { verifyClickToken } from "../../src/server/digest/click-token";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import type { Mailer } from "../../src/server/platform/mail-types";
import { findSubscriberByManageToken } from "../../src/server/subscriptions/find-subscriber";
import { addPaper, addSubscriber, APP_URL, digestTestSettings, NOW } from "../helpers/digest-fixtures";
import { params, request } from "../helpers/route";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

let temp: TempDb;
let smtp: SmtpCatcher;
let mailer: Mailer;

beforeEach(async () => {
  temp = await createTempDb();
  useStore(env().databaseUrl, temp.store);
  smtp = await startSmtpCatcher();
  mailer = createMailer({
    smtpUrl: smtp.url,
    outboxDir: temp.dir,
    from: "paper-digest <digest@papers.example.org>",
    appUrl: APP_URL,
    ratePerSecond: 1000,
    log: () => {},
    clock: () => NOW,
  });
  for (let i = 1; i <= 4; i++)
    await addPaper(temp.db, {
      title: `General result ${i}`,
      trendKey: 100 - i,
      authors: ["A. Author", "B. Author", "C. Author", "D. Author", "E. Author", "F. Author"],
    });
  await addPaper(temp.db, { title: "Quantized LLMs at 2 bits", trendKey: 10, topics: ["quantization"] });
  await addPaper(temp.db, { title: "Post-training quantization <done right>", trendKey: 9, topics: ["quantization"] });
});
afterEach(async () => {
  await mailer.close();
  await smtp.close();
  await temp.cleanup();
});

const mailTo = (email: string) => smtp.messages.find((m) => m.to.includes(email))!;
const titlesOf = (email: string) => [...String(mailTo(email).parsed.text).matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);

describe("the digest mail", () => {
  it("has both parts, Message-ID, Date and the one-click List-Unsubscribe headers verbatim", async () => {
    const reader = await addSubscriber(temp.db, { email: "reader@example.com" });
    await runDigest({ store: temp.store, mailer, now: NOW, settings: digestTestSettings() });
    const { raw, parsed } = mailTo("reader@example.com");
    const delivery = await temp.db.delivery.findFirstOrThrow();
    const token = /unsubscribe\?token=([^>]+)>/.exec(raw)?.[1];
    expect(token).toBeDefined();
    const headerLines = raw.slice(0, raw.indexOf("\r\n\r\n")).split("\r\n");
    expect(headerLines).toContain(
      `List-Unsubscribe: <${APP_URL}/unsubscribe?token=${token}>, <mailto:unsubscribe@papers.example.org?subject=unsubscribe>`,
    );
    expect(headerLines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(parsed.messageId).toBe(delivery.messageId);
    expect(parsed.date?.getTime()).toBe(NOW.getTime());
    expect(parsed.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(parsed.subject).toBe("Paper digest, 26 Nov 2026: General result 1 (+5 more)");
    expect(parsed.text).toContain("PAPER DIGEST: Thursday, 26 November 2026");
    expect(parsed.text).toContain("A. Author, B. Author, C. Author, D. Author, E. Author et al.");
    expect(parsed.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(parsed.html).toContain("max-width:600px");
    expect(parsed.html).toContain("Post-training quantization &lt;done right&gt;");
    expect(parsed.html).not.toMatch(/<script|<link|@import/i);
    expect(await findSubscriberByManageToken(temp.store, decodeURIComponent(token!))).toMatchObject({ id: reader.id });
  });

  it("manage, unsubscribe and paper links carry valid tokens and resolve", async () => {
    const reader = await addSubscriber(temp.db, { email: "reader@example.com" });
    await runDigest({ store: temp.store, mailer, now: NOW, settings: digestTestSettings() });
    const { parsed } = mailTo("reader@example.com");
    const html = String(parsed.html);
    const manage = new URL(/href="([^"]*\/subscription\?token=[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    expect(await findSubscriberByManageToken(temp.store, manage.searchParams.get("token"))).toMatchObject({
      id: reader.id,
    });

    const clicks = [...html.matchAll(/href="https:\/\/papers\.example\.org\/r\/([^"]+)"/g)].map((m) => m[1]!);
    expect(clicks).toHaveLength(6);
    expect(parsed.text).toContain(`${APP_URL}/r/${clicks[0]}`);
    const delivery = await temp.db.delivery.findFirstOrThrow();
    const papers = await temp.db.paper.findMany({ where: { id: { in: JSON.parse(delivery.paperIds) as number[] } } });
    for (const token of clicks) {
      const target = verifyClickToken(token)!;
      expect(target.deliveryId).toBe(delivery.id);
      const response = await clickRoute(request(`/r/${token}`), params({ token }));
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/papers/${papers.find((p) => p.id === target.paperId)!.slug}`);
    }
    // Following a link twice (or a scanner prefetching it) counts one click.
    await clickRoute(request(`/r/${clicks[0]}`), params({ token: clicks[0]! }));
    expect(await temp.db.paperEvent.count({ where: { kind: "click" } })).toBe(6);
  });

  it("the List-Unsubscribe URL: GET changes nothing, the one-click POST unsubscribes with 200 and no redirect", async () => {
    await addSubscriber(temp.db, { email: "reader@example.com" });
    await runDigest({ store: temp.store, mailer, now: NOW, settings: digestTestSettings() });
    const url = /^List-Unsubscribe: <(https:[^>]+)>/m.exec(mailTo("reader@example.com").raw)![1]!;
    expect((await unsubscribeGet(request(url))).status).toBe(200);
    expect((await temp.db.subscriber.findFirstOrThrow()).status).toBe("active");
    const post = await unsubscribePost(
      request(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(post.status).toBe(200);
    expect(post.headers.get("location")).toBeNull();
    expect((await temp.db.subscriber.findFirstOrThrow()).status).toBe("unsubscribed");
  });

  it("a quantization subscriber gets only quantization papers, labelled; others get the overall top", async () => {
    await addSubscriber(temp.db, { email: "quant@example.com", topics: ["quantization"] });
    await addSubscriber(temp.db, { email: "free-text@example.com", topics: ["Quantization"] });
    await addSubscriber(temp.db, { email: "general@example.com" });
    await runDigest({ store: temp.store, mailer, now: NOW, settings: digestTestSettings({ size: 4 }) });
    const quantOnly = ["Quantized LLMs at 2 bits", "Post-training quantization <done right>"];
    expect(titlesOf("quant@example.com")).toEqual(quantOnly);
    expect(titlesOf("free-text@example.com")).toEqual(quantOnly);
    expect(titlesOf("general@example.com")).toEqual([
      "General result 1",
      "General result 2",
      "General result 3",
      "General result 4",
    ]);
    const text = String(mailTo("quant@example.com").parsed.text);
    expect(text.indexOf("MATCHING WHAT YOU FOLLOW")).toBeLessThan(text.indexOf("Quantized LLMs"));
    expect(text).not.toContain("General result");
    expect(text).toContain("Why it's here: Matches your topic Quantization · #5 trending of 6 new papers");
    expect(text).toContain("Your topics: Quantization.");
    expect(String(mailTo("general@example.com").parsed.text)).toContain("TRENDING NOW");
  });
});
