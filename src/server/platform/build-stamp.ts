// Decides whether the production build in .next matches the current source, by hashing its inputs.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "src",
  "public",
  "package-lock.json",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);

function collect(root: string, entry: string, files: string[]): void {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const child of fs.readdirSync(full).sort())
      if (!SKIP.has(child)) collect(root, path.join(entry, child), files);
  } else {
    files.push(entry);
  }
}

/** A hash of every file the build reads (paths and contents). */
export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) collect(root, input, files);
  const hash = crypto.createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(root, file)))
      .update("\0");
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "paper-digest-source-hash");

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = stampFile(root);
  return (
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === sourceHash(root)
  );
}

export function writeBuildStamp(root = process.cwd()): void {
  fs.writeFileSync(stampFile(root), sourceHash(root));
}
