// A saved query drives the digest: only matching papers go out (search words with a typo, authors written
// differently), the reason names what matched, and a weekly reader gets one digest, on their weekday.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import type { Mailer } from "../../src/server/platform/mail-types";
import { addPaper, addSubscriber, APP_URL, digestTestSettings, HOUR, NOW } from "../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

const DAY = 24 * HOUR;
let temp: TempDb;
let smtp: SmtpCatcher;
let mailer: Mailer;

beforeEach(async () => {
  temp = await createTempDb();
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
  for (let i = 1; i <= 3; i++) await addPaper(temp.db, { title: `General result ${i}`, trendKey: 100 - i });
  await addPaper(temp.db, {
    title: "Low-rank adapters for speech recognition",
    trendKey: 60,
    authors: ["José García", "Bo Li"],
  });
  await addPaper(temp.db, { title: "Attention sinks in long contexts", trendKey: 58, authors: ["Jose  Garcia"] });
  await addPaper(temp.db, { title: "Low-rank adapters in robotics", trendKey: 55, authors: ["Someone Else"] });
  // Seen three days ago: only a reader whose window covers the week gets it.
  await addPaper(temp.db, {
    title: "Low-rank adapters, three days on",
    trendKey: 50,
    firstSeenAt: new Date(NOW.getTime() - 3 * DAY),
  });
});
afterEach(async () => {
  await mailer.close();
  await smtp.close();
  await temp.cleanup();
});

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const titlesOf = (email: string) =>
  mailsTo(email).flatMap((mail) => [...String(mail.parsed.text).matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]));

describe("a saved query", () => {
  it("sends only the papers matching every part, and says what matched", async () => {
    // A typo in the words, the author in capitals without the accent: both still match.
    await addSubscriber(temp.db, { email: "both@example.com", query: "low-rank adaptrs", authors: ["JOSE GARCIA"] });
    await addSubscriber(temp.db, { email: "words@example.com", query: "low-rank adapters" });
    await addSubscriber(temp.db, { email: "author@example.com", authors: ["josé garcía"] });
    await addSubscriber(temp.db, { email: "unknown-author@example.com", authors: ["Nobody Yet"] });
    await addSubscriber(temp.db, { email: "everything@example.com" });
    const result = await runDigest({ store: temp.store, mailer, now: NOW, settings: digestTestSettings() });
    expect(result).toMatchObject({ sent: 4, skipped: 1 });

    expect(titlesOf("both@example.com")).toEqual(["Low-rank adapters for speech recognition"]);
    expect(titlesOf("words@example.com")).toEqual([
      "Low-rank adapters for speech recognition",
      "Low-rank adapters in robotics",
    ]);
    expect(titlesOf("author@example.com")).toEqual([
      "Low-rank adapters for speech recognition",
      "Attention sinks in long contexts",
    ]);
    expect(mailsTo("unknown-author@example.com")).toHaveLength(0);
    expect(titlesOf("everything@example.com")).toEqual([
      "General result 1",
      "General result 2",
      "General result 3",
      "Low-rank adapters for speech recognition",
      "Attention sinks in long contexts",
      "Low-rank adapters in robotics",
    ]);
    const text = String(mailsTo("both@example.com")[0]!.parsed.text);
    expect(text).toContain("Why it's here: Matches your search “low-rank adaptrs”, by José García · #4 trending");
    expect(text).toContain("Your search: “low-rank adaptrs”. Your authors: JOSE GARCIA.");
  });

  it("never sends a reader the same paper twice", async () => {
    await addSubscriber(temp.db, { email: "words@example.com", query: "low-rank adapters" });
    await runDigest({ store: temp.store, mailer, now: NOW, settings: digestTestSettings() });
    await addPaper(temp.db, { title: "Low-rank adapters, once more", trendKey: 70, firstSeenAt: NOW });
    const later = new Date(NOW.getTime() + DAY);
    await runDigest({ store: temp.store, mailer, now: later, settings: digestTestSettings() });
    expect(titlesOf("words@example.com")).toEqual([
      "Low-rank adapters for speech recognition",
      "Low-rank adapters in robotics",
      "Low-rank adapters, once more",
    ]);
  });
});

describe("a weekly reader", () => {
  it("gets nothing on other days and one digest on their weekday, covering the week", async () => {
    // NOW is Thursday 26 November 2026, 07:00 UTC; the reader's day is Monday.
    await addSubscriber(temp.db, { email: "weekly@example.com", query: "low-rank adapters", cadence: "weekly" });
    await addSubscriber(temp.db, { email: "daily@example.com", query: "low-rank adapters" });
    const sentOn: string[] = [];
    for (let day = 0; day < 7; day++) {
      const now = new Date(NOW.getTime() + day * DAY);
      const before = mailsTo("weekly@example.com").length;
      await runDigest({ store: temp.store, mailer, now, settings: digestTestSettings() });
      if (mailsTo("weekly@example.com").length > before) sentOn.push(now.toISOString().slice(0, 10));
    }
    expect(sentOn).toEqual(["2026-11-30"]);
    const [weekly] = mailsTo("weekly@example.com");
    expect(weekly!.parsed.subject).toMatch(/^Weekly paper digest, 30 Nov 2026: /);
    // The week's matches, the one first seen three days before Thursday included.
    expect(titlesOf("weekly@example.com")).toEqual([
      "Low-rank adapters for speech recognition",
      "Low-rank adapters in robotics",
      "Low-rank adapters, three days on",
    ]);
    // The daily reader got theirs on the Thursday, the first day.
    expect(mailsTo("daily@example.com")).toHaveLength(1);
  });

  it("whose weekday is Thursday gets it on the first run only", async () => {
    await addSubscriber(temp.db, { email: "thursday@example.com", cadence: "weekly", weekday: "thu" });
    await runDigest({ store: temp.store, mailer, now: NOW, settings: digestTestSettings() });
    await runDigest({ store: temp.store, mailer, now: new Date(NOW.getTime() + DAY), settings: digestTestSettings() });
    expect(mailsTo("thursday@example.com")).toHaveLength(1);
  });
});
