import { defineConfig } from "vitest/config";

/**
 * `npm test`: reads nothing outside the repository (the model, the committed derived data and
 * fixtures the tests build). Comparisons with upstream files are `npm run test:upstream`
 * (vitest.upstream.config.ts).
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/against-upstream/**", "**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // In CI a JSON report too, from which `.ci/run` prints the closing count.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "node_modules/.cache/vitest-results.json" }]] : ["default"],
  },
});
