/**
 * `streamforge pull` in a repository whose model takes a chart from an OCI registry (a copy of
 * this repository with metallb's repository moved to a registry on 127.0.0.1 that wants a token):
 * the first pull records the manifest digest in versions.lock.yaml, a later pull of a tag that
 * now names other bytes is refused with one line, and the lock and cache stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { repositoryCli, tempDir } from "../support/cli.ts";
import { serveRegistry, type TestRegistry } from "../support/oci-registry.ts";
import { OWNED_LIST_PATH, parseOwnedList } from "../../src/core/write/owned.ts";
import { parseLock } from "../../src/upstream/lock.ts";

const ROOT = resolve(import.meta.dirname, "../..");

function copyRepository(): string {
  const dir = tempDir("streamforge-repo-");
  const owned = parseOwnedList(readFileSync(join(ROOT, OWNED_LIST_PATH), "utf8"));
  for (const entry of ["src", "schema", "package.json", "tsconfig.json", "versions.yaml", "versions.lock.yaml", OWNED_LIST_PATH, ...owned]) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

let registry: TestRegistry;
beforeAll(async () => {
  registry = await serveRegistry();
  registry.auth({});
});
afterAll(() => registry.close());

describe("streamforge pull from an OCI registry", { timeout: 120_000 }, () => {
  it("records the manifest digest on the first pull and refuses a tag that moved on the next", async () => {
    const first = await registry.push("charts", { name: "metallb", version: "0.14.9", files: { "values.yaml": "speaker: {}\n" } });
    const dir = copyRepository();
    const model = join(dir, "src/platform/streamforge.ts");
    const text = readFileSync(model, "utf8");
    expect(text).toContain('metallb: "https://metallb.github.io/metallb"');
    writeFileSync(model, text.replace('metallb: "https://metallb.github.io/metallb"', `metallb: "${registry.url}/charts"`));
    const cache = join(tempDir(), "cache");

    const pulled = await repositoryCli(dir, ["pull", "metallb", "--cache", cache]);
    expect(pulled.stderr).toBe("");
    expect(pulled.stdout).toBe(`pulled metallb 0.14.9 from ${registry.url}/charts/metallb:0.14.9\n`);
    expect(pulled.code).toBe(0);
    const lockFile = join(dir, "versions.lock.yaml");
    const locked = readFileSync(lockFile, "utf8");
    expect(parseLock(locked).metallb!["0.14.9"]).toEqual({ repository: `${registry.url}/charts`, url: `${registry.url}/charts/metallb:0.14.9`, digest: first.manifestDigest, chartDigest: first.chartDigest });

    // The same tag pushed again with other content: its manifest digest is no longer the locked one.
    const moved = await registry.push("charts", { name: "metallb", version: "0.14.9", files: { "values.yaml": "speaker: {enabled: false}\n" } });
    const refused = await repositoryCli(dir, ["pull", "metallb", "--cache", cache, "--refresh"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `${registry.url}/charts: ${registry.url}/charts/metallb:0.14.9: the manifest's ${moved.manifestDigest} differs from ${first.manifestDigest} in the lock file (metallb 0.14.9)\n1 of 1 chart versions could not be pulled\n`,
    );
    expect(readFileSync(lockFile, "utf8")).toBe(locked);
    expect(readFileSync(join(cache, "charts/metallb/0.14.9/values.yaml"), "utf8")).toBe("speaker: {}\n");
  });
});
