/**
 * Every generated YAML file passes the real `yamllint` in strict mode (warnings fail) with the
 * project's `.yamllint.yaml`.
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { generated } from "../support/generated.ts";
import { tempDir } from "../support/cli.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const hasYamllint = spawnSync("yamllint", ["--version"]).status === 0;

describe.skipIf(!hasYamllint && process.env.CI !== "true")("yamllint", () => {
  it("accepts every generated YAML file (strict)", () => {
    const dir = tempDir();
    const yamlPaths = [...generated().values()].filter((r) => /\.(ya?ml|gotmpl)$/.test(r.path));
    expect(yamlPaths.length).toBeGreaterThan(100);
    for (const r of yamlPaths) {
      mkdirSync(dirname(join(dir, r.path)), { recursive: true });
      writeFileSync(join(dir, r.path), r.content);
    }
    copyFileSync(join(ROOT, ".yamllint.yaml"), join(dir, ".yamllint.yaml"));
    const result = spawnSync("yamllint", ["-s", "-f", "parsable", ...yamlPaths.map((r) => r.path)], { cwd: dir, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("fails on a real problem (the check can fail)", () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, ".yamllint.yaml"), join(dir, ".yamllint.yaml"));
    writeFileSync(join(dir, "bad.yaml"), "a: 1\na: 2\n");
    expect(() => execFileSync("yamllint", ["-s", "bad.yaml"], { cwd: dir, stdio: "pipe" })).toThrow();
  });
});
