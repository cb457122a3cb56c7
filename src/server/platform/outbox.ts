// Reads the local mail outbox (.eml files the outbox transport wrote) for the /dev/outbox pages.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

export interface OutboxEntry {
  file: string;
  to: string;
  subject: string;
  date: Date | null;
  sizeBytes: number;
}

export interface OutboxMessage extends OutboxEntry {
  from: string;
  messageId: string | null;
  html: string | null;
  text: string;
  headers: { key: string; value: string }[];
}

/** Only names the outbox transport writes; anything else (../, slashes) is not a message. */
export function isOutboxFileName(file: string): boolean {
  return /^[A-Za-z0-9_-]+\.eml$/.test(file) && path.basename(file) === file;
}

/** Newest first, at most `limit` messages. A missing folder is an empty outbox. */
export async function listOutbox(dir: string, limit = 200): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files = names.filter(isOutboxFileName).sort().reverse().slice(0, limit);
  const messages = await Promise.all(files.map((file) => readOutboxMessage(dir, file)));
  return messages.flatMap((message) => (message ? [summarise(message)] : []));
}

/** One parsed message, or null when the name is not an outbox file or it does not exist. */
export async function readOutboxMessage(dir: string, file: string): Promise<OutboxMessage | null> {
  if (!isOutboxFileName(file)) return null;
  let raw: Buffer;
  try {
    raw = await fs.promises.readFile(path.join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = await simpleParser(raw);
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
  return {
    file,
    to,
    from: parsed.from?.text ?? "",
    subject: parsed.subject ?? "(no subject)",
    date: parsed.date ?? null,
    sizeBytes: raw.length,
    messageId: parsed.messageId ?? null,
    html: typeof parsed.html === "string" ? parsed.html : null,
    text: parsed.text ?? "",
    headers: parsed.headerLines.map((line) => ({
      key: line.key,
      value: line.line.slice(line.line.indexOf(":") + 1).trim(),
    })),
  };
}

function summarise(message: OutboxMessage): OutboxEntry {
  const { file, to, subject, date, sizeBytes } = message;
  return { file, to, subject, date, sizeBytes };
}
