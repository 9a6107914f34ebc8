/**
 * The API reference in docs/api/ is generated from the JSDoc of the public entry points by
 * typedoc; like every generated output it must match its source (`npm run docs:api` rewrites it).
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { tempDir, listFiles } from "../support/cli.ts";
import { readFileSync } from "node:fs";

const ROOT = resolve(import.meta.dirname, "../..");

describe("docs/api", () => {
  it("is what typedoc generates from the current JSDoc of src/index.ts and src/service-kit/index.ts", () => {
    const out = tempDir("streamforge-api-");
    execFileSync(process.execPath, [join(ROOT, "node_modules/typedoc/bin/typedoc"), "--out", out, "--logLevel", "Error"], { cwd: ROOT });
    const committed = listFiles(join(ROOT, "docs/api"));
    expect(listFiles(out)).toEqual(committed);
    for (const file of committed) expect(readFileSync(join(out, file), "utf8"), `docs/api/${file} is stale: run \`npm run docs:api\``).toBe(readFileSync(join(ROOT, "docs/api", file), "utf8"));
    expect(readFileSync(join(out, "service-kit.md"), "utf8")).toContain("### serviceKit()");
  }, 180_000);
});
