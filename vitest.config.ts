import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The e2e suite drives one Chromium; keep files in one worker pool of two.
    pool: "forks",
    maxWorkers: 2,
  },
});
