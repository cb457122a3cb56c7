// Anyone can type someone else's address and any text as "topics" into the subscribe form: the mails that
// address then receives (the confirmation, later each digest) name catalogue topics only, never that text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as subscribe } from "../../src/app/api/subscriptions/route";
import { runDigest } from "../../src/server/digest/run-digest";
import { addPaper, addSubscriber, digestTestSettings, NOW } from "../helpers/digest-fixtures";
import { request } from "../helpers/route";
import { smtpMailer, startSubscriptionEnv } from "../helpers/subscription-env";

const FREE_TEXT = "claim your prize at evil.example";

let env: Awaited<ReturnType<typeof startSubscriptionEnv>>;
beforeAll(async () => {
  env = await startSubscriptionEnv();
  await addPaper(env.temp.db, { title: "Quantized LLMs at 2 bits", trendKey: 10, topics: ["quantization"] });
});
afterAll(async () => env.stop());

describe("topics in mail", () => {
  it("the confirmation mail names the catalogue topics and leaves a stranger's text out", async () => {
    const response = await subscribe(
      request("/api/subscriptions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "victim@example.com", topics: ["quantization", FREE_TEXT] }),
        ip: "203.0.113.9",
      }),
    );
    expect(response.status).toBe(202);
    const [mail] = await env.smtp.waitFor(1);
    const { text, html } = mail!.parsed;
    expect(text).toContain("a daily email with trending papers on Quantization.");
    for (const part of [text, html, mail!.parsed.subject]) {
      expect(String(part)).not.toContain("prize");
      expect(String(part)).not.toContain("evil.example");
    }
    // Kept, as search words since it names no topic: the reader can still see and change it on their settings page.
    const stored = await env.temp.db.subscriber.findUniqueOrThrow({ where: { email: "victim@example.com" } });
    expect(JSON.parse(stored.topics)).toEqual(["quantization"]);
    expect(stored.query).toBe(FREE_TEXT);
  });

  it("the digest lists the reader's catalogue topics only", async () => {
    await addSubscriber(env.temp.db, { email: "reader@example.com", topics: ["Quantization", FREE_TEXT] });
    const mailer = smtpMailer(env.smtp.url);
    const before = env.smtp.messages.length;
    await runDigest({ store: env.temp.store, mailer, now: NOW, settings: digestTestSettings({ size: 3 }) });
    await mailer.close();
    const digest = env.smtp.messages.slice(before).find((m) => m.to.includes("reader@example.com"));
    const text = String(digest!.parsed.text);
    expect(text).toContain("Your topics: Quantization.");
    for (const part of [text, String(digest!.parsed.html)]) {
      expect(part).not.toContain("prize");
      expect(part).not.toContain("evil.example");
    }
  });
});
