/**
 * A Renovate update played end to end: the regex manager's replacement of metallb 0.14.9 ->
 * 0.14.10 in versions.yaml, then renovate.json's postUpgradeTasks run as Renovate runs them, with
 * a Helm repository on 127.0.0.1 serving the new version (the mirror variable points `pull` at
 * it); then the branch passes what CI checks: generated files in sync, lint, schema drift.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyRepository, shell, tempDir } from "../support/cli.ts";
import { publish, serve, type TestRepo } from "../support/helm-repo.ts";
import { renovateMatches, renovateReplace } from "../support/renovate.ts";
import { CACHE, upstreamPath } from "../support/upstream.ts";

let repo: TestRepo;

/** The chart files of a cached version, as an archive's files. */
function cachedFiles(dir: string, rel = ""): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const name of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${name.name}` : name.name;
    if (name.isDirectory()) Object.assign(out, cachedFiles(dir, path));
    else out[path] = readFileSync(join(dir, path));
  }
  return out;
}

beforeAll(async () => {
  repo = await serve();
  // metallb 0.14.10 as the repository would serve it: 0.14.9's files under the new version.
  const files = cachedFiles(upstreamPath("charts", "metallb", "0.14.9"));
  // Its Chart.yaml (with the subchart dependencies) under the new version.
  files["Chart.yaml"] = Buffer.from(files["Chart.yaml"]!.toString("utf8").replace(/^version: .*$/m, "version: 0.14.10"));
  await publish(repo, "/metallb", [{ name: "metallb", version: "0.14.10", files }]);
});
afterAll(() => repo.close());

describe("a Renovate branch", { timeout: 600_000 }, () => {
  it("metallb 0.14.9 -> 0.14.10: replacement, postUpgradeTasks, then gen --check, lint and schema drift pass", async () => {
    // The npm scripts run scripts/cli.mjs; `npm run verify` type-checks with tsconfig.test.json.
    const dir = copyRepository(["scripts", "tsconfig.test.json", "renovate.json"]);
    const cache = tempDir("streamforge-cache-");
    cpSync(CACHE, cache, { recursive: true });

    const renovate = JSON.parse(readFileSync(join(dir, "renovate.json"), "utf8"));
    const catalogue = readFileSync(join(dir, "versions.yaml"), "utf8");
    const match = renovateMatches(renovate, catalogue).find((m) => m.depName === "metallb")!;
    writeFileSync(join(dir, "versions.yaml"), renovateReplace(catalogue, match, "0.14.10"));

    const env = { ...process.env, STREAMFORGE_CACHE: cache, STREAMFORGE_MIRRORS: `metallb=${repo.url}/metallb` };
    // Not spawnSync: the Helm repository is served by this process.
    const sh = (command: string) => shell(command, dir, env);
    // `npm ci` is Renovate's install step; node_modules is already here.
    for (const command of (renovate.postUpgradeTasks.commands as string[]).filter((c) => !c.startsWith("npm ci"))) {
      const result = await sh(command);
      expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    }
    expect(existsSync(join(dir, "schema/charts/metallb/0.14.10.schema.json"))).toBe(true);
    expect(readFileSync(join(dir, "environments/prod.yaml"), "utf8")).toContain("0.14.10");
    expect(readFileSync(join(dir, "versions.lock.yaml"), "utf8")).toMatch(/metallb:\n    0\.14\.10:\n      repository: https:\/\/metallb\.github\.io\/metallb\n      digest: sha256:[0-9a-f]{64}\n/);
    for (const command of ["npm run -s check", "npm run -s lint", "npm run -s schema:charts -- --check", "npm run -s typecheck"]) {
      const result = await sh(command);
      expect(result.status, `${command}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }
  });
});
