// Rewrites every `../` import in src/ to its `@/…` spelling, the project's one import style for
// cross-folder imports (eslint.config.mjs enforces it). Safe to re-run: it changes nothing twice.
// Usage: npm run fix:imports
import fs from "node:fs";
import path from "node:path";

const SRC = path.resolve("src");
// prisma.config.ts loads these through jiti, which does not read tsconfig paths (eslint.config.mjs agrees).
const KEEP_RELATIVE = new Set(["src/server/database-url.ts"].map((file) => path.resolve(file)));
const SKIP = new Set(["generated"]);
// `from "../x"`, `import "../x"`, `import("../x")`, `export … from "../x"`.
const PARENT_SPECIFIER = /(\bfrom\s+|\bimport\s*\(?\s*)"((?:\.\.\/)+[^"]*)"/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

let changed = 0;
for (const file of sourceFiles(SRC).filter((file) => !KEEP_RELATIVE.has(file))) {
  const text = fs.readFileSync(file, "utf8");
  const rewritten = text.replace(PARENT_SPECIFIER, (whole, lead: string, specifier: string) => {
    const target = path.resolve(path.dirname(file), specifier);
    if (!target.startsWith(`${SRC}${path.sep}`)) return whole;
    return `${lead}"@/${path.relative(SRC, target).split(path.sep).join("/")}"`;
  });
  if (rewritten !== text) {
    fs.writeFileSync(file, rewritten);
    changed++;
  }
}
console.log(`${changed} files rewritten`);
