/**
 * `gen --env X` derives the shared helmfile's needs without building every environment: another
 * environment is built only when none built before it has its `needsKey` (its settings, with its
 * names and addresses renamed away). These tests hold the package's adapters to what makes that
 * exact: an environment renamed and re-addressed implies the same needs, and a derivation by key
 * equals the one that builds every environment.
 */
import { describe, expect, it } from "vitest";
import { NeedsDerivation, derivedNeeds, needsKey } from "../../src/helm/needs.ts";
import { EnvironmentBuild } from "../../src/helm/environment-build.ts";
import type { Environment, Platform } from "../../src/core/model/types.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { benchPlatform } from "../../bench/models.ts";
import { platform as podinfo } from "../fixtures/models/podinfo.ts";
import { watching } from "../support/watching.ts";

/** The needs one environment implies on its own (from its build alone: no key is read). */
function needsOf(platform: Platform, env: Environment): Map<string, string[]> {
  const derivation = new NeedsDerivation(platform, { byKey: false });
  derivation.add(new EnvironmentBuild(platform, env));
  return derivation.result();
}

/** Needs derived as `gen --env` does: every environment through `addEnvironment`. */
function byKey(platform: Platform): { needs: Map<string, string[]>; built: string[] } {
  const derivation = new NeedsDerivation(platform);
  for (const env of platform.environments) derivation.addEnvironment(env);
  return { needs: derivation.result(), built: derivation.built };
}

/** Needs derived as a whole `gen` does, each environment's build handed to `add`; with `byKey: false`, from every one. */
function byBuild(platform: Platform, options: { byKey?: boolean } = {}): Map<string, string[]> {
  const derivation = new NeedsDerivation(platform, options);
  for (const env of platform.environments) derivation.add(new EnvironmentBuild(platform, env));
  return derivation.result();
}

/** A build of `env` that counts how often the derivation reads its chart values. */
function countingBuild(platform: Platform, env: Environment): { build: EnvironmentBuild; reads: () => number } {
  const build = new EnvironmentBuild(platform, env);
  let reads = 0;
  const values = build.ctx.values;
  (build.ctx as { values: typeof values }).values = new (class extends Map<string, unknown> {
    override get(key: string) {
      reads++;
      return super.get(key);
    }
  })(values) as typeof values;
  return { build, reads: () => reads };
}

/** The bench model with one environment's settings changed so that it alone implies a need. */
function withOwnNeed(count: number, changed: number): Platform {
  const platform = benchPlatform(count);
  const env = structuredClone(platform.environments[changed]!);
  // Traefik's ACME volume on Linstor: in this environment traefik waits for linstor-cluster.
  env.components.traefik!.acmeStorage.storageClass = "linstor-r2";
  return { ...platform, environments: platform.environments.map((e, i) => (i === changed ? env : e)) };
}

describe("needsKey", () => {
  const bench = benchPlatform(6);

  it("is one for environments derived from one base (renamed, re-addressed, other VM ids), two bases two keys", () => {
    const keys = bench.environments.map(needsKey);
    expect(new Set(keys).size).toBe(2);
    expect(keys.map((k) => keys.indexOf(k))).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it("keeps the settings: a changed component setting, disabled release, version or storage class is another key", () => {
    const env = bench.environments[0]!;
    const changes: Array<(e: Environment) => void> = [
      (e) => (e.components.traefik!.acmeStorage.storageClass = "linstor-r2"),
      (e) => e.disabled.push("keda"),
      (e) => (e.versions["keda"] = "0.0.1"),
      (e) => e.storageClasses.pop(),
      (e) => (e.nodes[0]!.role = "worker"),
    ];
    for (const change of changes) {
      const changed = structuredClone(env);
      change(changed);
      expect(needsKey(changed)).not.toBe(needsKey(env));
    }
  });

  it("leaves out only what the package's adapters never read of an environment: its Proxmox settings, its VMs' ids and MACs", () => {
    for (const env of streamforge.environments) {
      const watched = watching(streamforge, env.name);
      needsOf(watched.platform, watched.env);
      const reads = [...watched.reads];
      expect(reads.length).toBeGreaterThan(100);
      expect(reads.filter((path) => /^\/proxmox\/|^\/nodes\/\d+\/vm\/(vmid|mac)$/.test(path))).toEqual([]);
    }
  });

  it("stands for what the package's adapters imply: each environment renamed and re-addressed implies its base's needs", () => {
    for (const [i, env] of bench.environments.entries()) {
      const base = streamforge.environments[i % streamforge.environments.length]!;
      expect(needsOf(bench, env)).toEqual(needsOf(streamforge, base));
    }
  });
});

describe("needs derived by key", () => {
  it("equal the needs derived from every environment's build, and build one environment per key", () => {
    for (const platform of [streamforge, benchPlatform(6), withOwnNeed(6, 4)]) {
      const { needs, built } = byKey(platform);
      expect(needs).toEqual(byBuild(platform, { byKey: false }));
      // The first environment of each key, in the model's order.
      const firstOfKey = platform.environments.filter((e, i) => platform.environments.findIndex((o) => needsKey(o) === needsKey(e)) === i);
      expect(built).toEqual(firstOfKey.map((e) => e.name));
    }
    expect(byKey(benchPlatform(6)).built).toEqual(["prod0", "lab1"]);
    expect(byKey(withOwnNeed(6, 4)).built).toEqual(["prod0", "lab1", "prod4"]);
  });

  it("from the builds gen makes, one read per key, equal the needs derived from every build", () => {
    for (const platform of [streamforge, benchPlatform(6), withOwnNeed(6, 4)]) expect(byBuild(platform)).toEqual(byBuild(platform, { byKey: false }));
    expect(byBuild(withOwnNeed(6, 4)).get("traefik")).toContain("linstor-cluster");
  });

  it("read no build of an environment whose key an environment added before has; every build where the platform has its own adapters", () => {
    const bench = benchPlatform(3);
    const derivation = new NeedsDerivation(bench);
    const [first, other, same] = bench.environments.map((env) => countingBuild(bench, env));
    for (const { build } of [first!, other!, same!]) derivation.add(build);
    // prod0 and prod2 share a key; lab1 has the other.
    expect([first!.reads() > 0, other!.reads() > 0, same!.reads()]).toEqual([true, true, 0]);

    const env = podinfo.environments[0]!;
    const copy = JSON.parse(JSON.stringify(env).replaceAll(env.name, "copy")) as Environment;
    const twice: Platform = { ...podinfo, environments: [env, copy] };
    const own = new NeedsDerivation(twice);
    const builds = twice.environments.map((e) => countingBuild(twice, e));
    for (const { build } of builds) own.add(build);
    expect(builds.map(({ reads }) => reads() > 0)).toEqual([true, true]);
  });

  it("keep a need only one environment's settings imply", () => {
    expect(derivedNeeds(benchPlatform(6)).get("traefik")).not.toContain("linstor-cluster");
    expect(byKey(withOwnNeed(6, 4)).needs.get("traefik")).toContain("linstor-cluster");
  });

  it("build every environment of a platform with its own adapters (code the package has not checked)", () => {
    const first = podinfo.environments[0]!;
    // The same environment under another name, renamed wherever its name appears.
    const copy = JSON.parse(JSON.stringify(first).replaceAll(first.name, "copy")) as Environment;
    const twice: Platform = { ...podinfo, environments: [first, copy] };
    expect(needsKey(twice.environments[0]!)).toBe(needsKey(twice.environments[1]!));
    expect(byKey(twice).built).toEqual([first.name, "copy"]);
  });
});
