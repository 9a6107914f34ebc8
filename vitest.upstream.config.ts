import { defineConfig } from "vitest/config";

/**
 * `npm run test:upstream`: compares the project's derived data (schemas, types, catalogue facts)
 * with the upstream files of the pinned versions in the upstream cache (`.streamforge/cache/`,
 * filled by `streamforge pull`). A version the cache lacks fails; nothing is skipped.
 */
export default defineConfig({
  test: {
    include: ["test/against-upstream/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: process.env.CI ? ["default", ["json", { outputFile: "node_modules/.cache/vitest-upstream-results.json" }]] : ["default"],
  },
});
