// Reads the mails a server wrote to its data folder's outbox (MAIL_TRANSPORT=outbox, the local default).
import fs from "node:fs";
import path from "node:path";

/** The token of the confirmation link mailed to `email`, once the mail is in the outbox. */
export async function confirmationTokenFor(dataDir: string, email: string): Promise<string> {
  const outbox = path.join(dataDir, "outbox");
  for (let attempt = 0; attempt < 100; attempt++) {
    // File names start with the time they were written: newest first, so a re-subscription's new link wins.
    for (const file of fs.existsSync(outbox) ? fs.readdirSync(outbox).sort().reverse() : []) {
      // Quoted-printable: drop soft line breaks, decode =XX.
      const mail = fs
        .readFileSync(path.join(outbox, file), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (!mail.includes(email)) continue;
      const token = /\/subscription\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1];
      if (token) return token;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no confirmation mail for ${email}`);
}
