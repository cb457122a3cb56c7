// The digest on the web: today's general edition, the archive of what a run sent, a reader's preview.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subscriberPreview, todayEdition } from "../../src/server/digest/digest-editions";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import { manageToken } from "../../src/server/subscriptions/links";
import { addPaper, addPapers, addSubscriber, APP_URL, digestTestSettings, HOUR, NOW } from "../helpers/digest-fixtures";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";

process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

let temp: TempDb;
let smtp: SmtpCatcher;
const settings = digestTestSettings({ size: 3 });

beforeEach(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
  await addPapers(temp.db, 4);
  await addPaper(temp.db, { title: "Quantized", trendKey: 1, topics: ["quantization"] });
});
afterEach(async () => {
  await smtp.close();
  await temp.cleanup();
});

describe("digest editions", () => {
  it("today's edition is the overall top list of the last day", async () => {
    await addPaper(temp.db, { title: "Old news", trendKey: 1000, firstSeenAt: new Date(NOW.getTime() - 30 * HOUR) });
    const edition = await todayEdition(temp.store, NOW, settings);
    expect(edition.date).toBe("2026-11-26");
    expect(edition.items.map((i) => i.paper.title)).toEqual(["Paper 1", "Paper 2", "Paper 3"]);
  });

  it("the archive shows what a run sent, most widely sent first, and lists editions", async () => {
    await addSubscriber(temp.db, { email: "a@example.com", topics: ["quantization"] });
    await addSubscriber(temp.db, { email: "b@example.com" });
    const mailer = createMailer({
      smtpUrl: smtp.url,
      outboxDir: temp.dir,
      from: "d@example.org",
      appUrl: APP_URL,
      log: () => {},
    });
    await runDigest({ store: temp.store, mailer, now: NOW, settings });
    await mailer.close();
    const edition = await temp.store.digest.archivedEdition("2026-11-26", 20);
    expect(edition?.readers).toBe(2);
    expect(edition?.papers.map((p) => [p.paper.title, p.sentTo])).toEqual([
      ["Paper 1", 1],
      ["Paper 2", 1],
      ["Paper 3", 1],
      ["Quantized", 1],
    ]);
    expect(await temp.store.digest.archivedEdition("2026-11-25", 20)).toBeNull();
    expect(await temp.store.digest.recentEditions(14)).toEqual([{ date: "2026-11-26", sent: 2 }]);
  });

  it("a preview shows the reader's own next digest, and nothing for a bad token", async () => {
    const reader = await addSubscriber(temp.db, { email: "a@example.com", topics: ["quantization"] });
    const preview = await subscriberPreview(temp.store, manageToken(reader), NOW, settings);
    expect(preview?.items.map((i) => [i.paper.title, i.section])).toEqual([["Quantized", "topics"]]);
    expect(await subscriberPreview(temp.store, `${reader.id}.${"x".repeat(43)}`, NOW, settings)).toBeNull();
    expect(await subscriberPreview(temp.store, undefined, NOW, settings)).toBeNull();
  });
});
