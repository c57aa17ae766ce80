import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Browser tests share one Chromium per file; files run in parallel on both cores.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
