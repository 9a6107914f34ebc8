import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // In CI a JSON report too, from which `.ci/run` prints the closing count.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "node_modules/.cache/vitest-results.json" }]] : ["default"],
  },
});
