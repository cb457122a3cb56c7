// The layering rules of eslint.config.mjs fire: each case lints source text as if it were the named file,
// with the project's real config, and expects the rule that guards that boundary.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("import boundaries", () => {
  it("a domain file importing next/server fails lint", async () => {
    const code = 'import { NextResponse } from "next/server";\nexport const ok = () => NextResponse.json({});\n';
    expect(await ruleIds("src/domain/boundary-fixture.ts", code)).toContain("no-restricted-imports");
  });

  it("domain imports no server code, React, Prisma or Node I/O, in either import spelling", async () => {
    for (const source of [
      "@/server/db",
      "../server/db",
      "react",
      "@prisma/client",
      "node:fs",
      "better-sqlite3",
      "@/env",
    ]) {
      const code = `import * as mod from "${source}";\nexport const used = mod;\n`;
      expect(await ruleIds("src/domain/search/boundary-fixture.ts", code), source).toContain("no-restricted-imports");
    }
  });

  it("components import no server module, not even a type", async () => {
    const code = 'import type { HomePage } from "@/server/home-page";\nexport type Page = HomePage;\n';
    expect(await ruleIds("src/components/boundary-fixture.tsx", code)).toContain("no-restricted-imports");
  });

  it("only the store touches the database driver; the listed files are the only exceptions", async () => {
    const code = 'import Database from "better-sqlite3";\nexport const open = () => new Database(":memory:");\n';
    expect(await ruleIds("src/server/papers/boundary-fixture.ts", code)).toContain("no-restricted-imports");
    expect(await ruleIds("src/server/store/sqlite/boundary-fixture.ts", code)).toEqual([]);
    expect(await ruleIds("src/server/sqlite-direct.ts", code)).toEqual([]);
  });

  it("cross-folder imports use @/…, not ../", async () => {
    const code = 'import { escapeHtml } from "../escape-html";\nexport const safe = escapeHtml("<");\n';
    expect(await ruleIds("src/domain/search/boundary-fixture.ts", code)).toContain("no-restricted-imports");
  });

  it("an import cycle fails lint", async () => {
    // paper-share.ts imports feed-links.ts; feed-links.ts importing paper-share.ts closes the loop.
    const code = 'import { SOCIAL_CARD } from "@/domain/paper-share";\nexport const card = SOCIAL_CARD;\n';
    expect(await ruleIds("src/domain/feed-links.ts", code)).toContain("import-x/no-cycle");
  });

  it("a file that keeps to its layer passes", async () => {
    const code = 'import { escapeHtml } from "@/domain/escape-html";\nexport const safe = escapeHtml("<");\n';
    expect(await ruleIds("src/domain/search/boundary-fixture.ts", code)).toEqual([]);
  });
});
