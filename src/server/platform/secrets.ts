// Server secrets: SECRET_KEY from the environment, or locally a random key generated once into DATA_DIR.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/env";
import { ensurePrivateDir } from "./private-files";

let cachedKey: string | undefined;

/** The key that signs cookies and email tokens. Production must set SECRET_KEY (the start script checks). */
export function secretKey(): string {
  if (cachedKey) return cachedKey;
  const settings = env();
  if (settings.SECRET_KEY) return (cachedKey = settings.SECRET_KEY);
  const file = path.join(settings.dataDir, "secret-key");
  ensurePrivateDir(settings.dataDir);
  if (!fs.existsSync(file)) {
    // "wx" fails if another process created it first; then we read theirs.
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cachedKey = fs.readFileSync(file, "utf8").trim());
}

/** Writes the cron secret generated for this run to <DATA_DIR>/cron-secret (0600) and returns the path. */
export function writeRunCronSecret(dataDir: string, secret: string): string {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, "cron-secret");
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return file;
}

/** HMAC-SHA256 of `value` under the secret key (purpose-separated), base64url. */
export function sign(purpose: string, value: string): string {
  return crypto.createHmac("sha256", secretKey()).update(`${purpose}\u0000${value}`).digest("base64url");
}

/** Constant-time string comparison (different lengths compare unequal without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const left = crypto.createHash("sha256").update(a).digest();
  const right = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(left, right) && a.length === b.length;
}

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}
