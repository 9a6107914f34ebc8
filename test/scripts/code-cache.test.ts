/**
 * The npm scripts' bundle is compiled with V8's code cache made at build time (scripts/code-cache.cjs,
 * read by the bundle's main.js). The cache must be one V8 accepts (same wrapper text, node's default
 * flags), or every run silently compiles from source again; and the bundle must behave the same
 * whether main.js compiles it with the cache or node loads it by `require` (`--enable-source-maps`),
 * including `import()` of a `--model` module, which in code compiled by node:vm goes through main.js.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sourceHash } from "../../scripts/bundle-hash.mjs";
import { tempDir } from "../support/cli.ts";
import { cacheRejected } from "../support/code-cache.ts";

const root = resolve(import.meta.dirname, "../..");

/** The current bundle's folder, built if the sources changed. */
function bundle(): string {
  execFileSync(process.execPath, [join(root, "scripts/cli.mjs"), "--build"], { cwd: root, stdio: "ignore" });
  return join(root, ".build", `cli-${sourceHash(root, join(root, ".build"))}`);
}

const run = (args: string[], cwd = root): string => execFileSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });

describe("the bundle's code cache", () => {
  it("is accepted by V8 for the source main.js compiles", () => {
    expect(cacheRejected(bundle(), "main.js")).toBe(false);
  }, 120_000);

  it("changes nothing a command prints: the same as the bundle loaded by require, for the embedded model and a --model module", () => {
    const main = join(bundle(), "main.js");
    expect(run([main, "gen", "--stdout"])).toBe(run(["--enable-source-maps", main, "gen", "--stdout"]));
    const model = join(tempDir(), "model.mjs");
    // A plain ES module that imports nothing: the bundle imports it through main.js.
    writeFileSync(model, `export default ${JSON.stringify({ name: "x" })};\n`);
    const viaCache = (() => {
      try {
        return run([main, "gen", "--stdout", "--model", model]);
      } catch (error) {
        return String((error as { stderr?: string }).stderr);
      }
    })();
    expect(viaCache).toContain("expected a default (or `platform`) export of type Platform");
  }, 120_000);
});
