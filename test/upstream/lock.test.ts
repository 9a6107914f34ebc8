/**
 * The lock file (`versions.lock.yaml`): one entry per pinned chart version with where it comes
 * from, in step with the catalogue, and recorded digests kept only while they can still apply.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { streamforge } from "../../src/platform/streamforge.ts";
import { LOCK_PATH, LockError, lockText, parseLock, pinnedSources, syncLock } from "../../src/upstream/lock.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const committed = readFileSync(join(ROOT, LOCK_PATH), "utf8");
const digest = `sha256:${"a".repeat(64)}`;

describe("versions.lock.yaml", () => {
  it("has exactly the pinned chart versions, each with the model's source (run `streamforge pull` after a pin changes)", () => {
    expect(lockText(syncLock(parseLock(committed), streamforge))).toBe(committed);
    const lock = parseLock(committed);
    for (const { chart, version } of pinnedSources(streamforge)) expect(lock[chart]?.[version], `${chart} ${version}`).toBeDefined();
  });

  it("names the Piraeus chart by git repository, tag and folder; Helm charts by repository", () => {
    const lock = parseLock(committed);
    expect(lock.piraeus!["2.7.1"]).toEqual({ git: "https://github.com/piraeusdatastore/piraeus-operator.git", ref: "v2.7.1", path: "charts/piraeus" });
    expect(lock.metallb!["0.14.9"]).toMatchObject({ repository: "https://metallb.github.io/metallb" });
  });

  it("keeps a recorded digest while the repository is the same, drops it when the repository moves, drops unpinned versions", () => {
    const lock = { metallb: { "0.14.9": { repository: "https://metallb.github.io/metallb", url: "https://x/metallb-0.14.9.tgz", digest }, "0.14.8": { repository: "https://metallb.github.io/metallb" } } };
    expect(syncLock(lock, streamforge).metallb).toEqual({ "0.14.9": lock.metallb["0.14.9"] });
    const moved = { metallb: { "0.14.9": { repository: "https://old.example/charts", digest } } };
    expect(syncLock(moved, streamforge).metallb).toEqual({ "0.14.9": { repository: "https://metallb.github.io/metallb" } });
  });

  it("a malformed entry is refused with the file and the path inside it", () => {
    expect(() => parseLock("charts:\n  metallb:\n    0.14.9:\n      repository: https://x\n      digest: md5:1\n")).toThrow(
      new LockError('versions.lock.yaml: /charts/metallb/0.14.9/digest: expected sha256:<64 hex digits>, got "md5:1"'),
    );
    expect(() => parseLock("charts:\n  piraeus:\n    2.7.1:\n      git: https://x\n")).toThrow(/\/charts\/piraeus\/2\.7\.1: a git entry needs `ref` and `path`/);
  });

  it("an OCI entry keeps its manifest and chart digests while the registry path is the same", () => {
    const platform = { ...streamforge, repositories: { ...streamforge.repositories, metallb: "oci://ghcr.io/example/charts" } };
    const entry = { repository: "oci://ghcr.io/example/charts", url: "oci://ghcr.io/example/charts/metallb:0.14.9", digest, chartDigest: `sha256:${"b".repeat(64)}` };
    expect(syncLock({ metallb: { "0.14.9": entry } }, platform).metallb).toEqual({ "0.14.9": entry });
    expect(syncLock({ metallb: { "0.14.9": entry } }, streamforge).metallb).toEqual({ "0.14.9": { repository: "https://metallb.github.io/metallb" } });
    expect(parseLock(lockText({ metallb: { "0.14.9": entry } }))).toEqual({ metallb: { "0.14.9": entry } });
  });

  it("a chart digest belongs to an OCI entry only", () => {
    expect(() => parseLock(`charts:\n  metallb:\n    0.14.9:\n      repository: https://x\n      chartDigest: ${digest}\n`)).toThrow(
      new LockError("versions.lock.yaml: /charts/metallb/0.14.9/chartDigest: only an OCI entry (repository oci://...) has one"),
    );
  });

  it("round-trips: text -> lock -> the same text", () => {
    const lock = { metallb: { "0.14.9": { repository: "https://m", url: "https://m/a.tgz", digest } } };
    expect(parseLock(lockText(lock))).toEqual(lock);
  });
});
