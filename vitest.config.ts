import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Integration tests each open their own temporary SQLite file; two workers fit this 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    // Deadlines, not measurements: on two cores shared with other work, a file's first test (which pays for
    // loading its modules) has taken up to 31 s. A hung test still fails; a merely slow one does not.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
