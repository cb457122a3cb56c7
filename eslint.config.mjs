// ESLint flat config: TypeScript and Next.js rules, plus the house layering (docs/architecture.md):
// one-way imports, database access only in src/server/store/, no import cycles, one import style.
// `npm run lint` runs it with Prettier's check; `npm test` runs lint first.
import path from "node:path";
import nextPlugin from "@next/eslint-plugin-next";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const root = import.meta.dirname;

/** Imports that reach the server layer, in either spelling (`@/server/…` or a relative path). */
const SERVER = {
  regex: "^(@/|(\\.\\./)+|\\./)server(/|$)",
  message: "server/ is I/O; this layer must not depend on it.",
};
const ENV = { regex: "^(@/|(\\.\\./)+|\\./)env$", message: "env.ts reads process.env; pass settings in as arguments." };
const NEXT = { group: ["next", "next/*"], message: "This layer does not depend on Next.js." };
const REACT = {
  group: ["react", "react/*", "react-dom", "react-dom/*"],
  message: "This layer does not depend on React.",
};
const NODE_IO = {
  regex: "^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|cluster|worker_threads|sqlite)$",
  message: "This layer does no I/O: take what it needs as arguments.",
};
/** One import style: `@/…` across folders, `./` within one (what `npm run fix:imports` rewrites to). */
const PARENT = { regex: "^\\.\\./", message: "Import across folders with @/…; ./ is for the same folder." };
const DATABASE = {
  regex: "^(better-sqlite3|@prisma/.*|prisma|.*generated/prisma.*)$",
  message: "Only src/server/store/ touches the database driver, Prisma or its generated client.",
};

/**
 * Files that still reach the database directly, from before the store layer existed. Each is to move
 * behind src/server/store/; the rule is in force for every other file, so the list can only shrink.
 */
const DATABASE_ACCESS_NOT_YET_IN_STORE = [
  "src/server/db.ts", // the Prisma client and its SQLite adapter
  "src/server/paper-bulk-writer.ts", // ingest's batched inserts on the direct connection
  "src/server/signals.ts", // Prisma transaction types for recording signals
  "src/server/sqlite-busy.ts", // SQLITE_BUSY detection on driver errors
  "src/server/sqlite-direct.ts", // the direct better-sqlite3 connection
  "src/server/subscriptions/request-subscription.ts", // Prisma's unique-violation error class
  "src/server/topic-link-writer.ts", // topic links written on the direct connection
  "src/server/trending-order.ts", // Prisma.sql fragments of the trending order
];

/** Files prisma.config.ts imports: they keep relative imports (`npm run fix:imports` leaves them alone). */
const LOADED_BY_PRISMA_CONFIG = ["src/server/database-url.ts"];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/generated/**",
      "public/**",
      "test-results/**",
      "playwright-report/**",
      "data/**",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // Pages ship no client router (unstable_runtimeJS: false), so a plain <a> is exactly what next/link would render.
      "@next/next/no-html-link-for-pages": "off",
      // The social card and icons are fixed-size files served as they are; next/image would need the runtime.
      "@next/next/no-img-element": "off",
    },
  },
  {
    // Layering for all of src/: no cycles, one import style, the database behind the store. Tests and
    // scripts may open databases and import any layer; they keep their relative paths to src/.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      // no-cycle parses each imported file: TypeScript needs the TypeScript parser.
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".js", ".mjs"],
          tsconfig: { configFile: path.join(root, "tsconfig.json") },
        }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "no-restricted-imports": ["error", { patterns: [PARENT, DATABASE] }],
    },
  },
  {
    // Tests read JSON answers loosely: a body of the wrong shape fails the assertion that reads it.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [PARENT, SERVER, ENV, NEXT, REACT, NODE_IO, DATABASE] }] },
  },
  {
    // Components and view models render what pages hand them: no server modules, not even their types.
    files: ["src/components/**/*.{ts,tsx}", "src/view-models/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [PARENT, SERVER, ENV, NODE_IO, DATABASE] }] },
  },
  {
    // The browser bundle: shared pure helpers only.
    files: ["src/client/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [PARENT, SERVER, ENV, NEXT, REACT, NODE_IO, DATABASE] }] },
  },
  {
    files: ["src/server/store/**/*.ts", ...DATABASE_ACCESS_NOT_YET_IN_STORE],
    rules: { "no-restricted-imports": ["error", { patterns: [PARENT] }] },
  },
  {
    // prisma.config.ts loads this file (and env.ts) through jiti, which does not read tsconfig paths.
    files: [...LOADED_BY_PRISMA_CONFIG],
    rules: { "no-restricted-imports": "off" },
  },
);
