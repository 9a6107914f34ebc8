/**
 * `gen --env X` and `lint --env X` do the work of X and of the shared files only: the other
 * environments' emitters never run. Proved by what the generator reads of another environment.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.ts";
import { emitGitlabCi } from "../../src/gitlab-ci/emit.ts";
import { emitHelmfile } from "../../src/helm/helmfile.ts";
import { needsKey } from "../../src/helm/needs.ts";
import { docsIndex } from "../../src/docs/emit.ts";
import type { Platform } from "../../src/core/model/types.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { modelRuleErrors } from "../../src/pipeline/lint.ts";

/** The model with `watched` wrapped so that every property read of it (at any depth) is recorded. */
function watching(platform: Platform, watched: string): { platform: Platform; reads: Set<string> } {
  const reads = new Set<string>();
  const wrap = <T extends object>(value: T, path: string): T =>
    new Proxy(value, {
      get(target, key, receiver) {
        const child = Reflect.get(target, key, receiver) as unknown;
        if (typeof key === "symbol") return child;
        reads.add(`${path}/${key}`);
        return child !== null && typeof child === "object" ? wrap(child, `${path}/${key}`) : child;
      },
    });
  // A copy: the embedded model is deeply frozen, and a proxy must return a frozen property's own value.
  const environments = platform.environments.map((e) => (e.name === watched ? wrap(structuredClone(e), "") : e));
  return { platform: { ...platform, environments }, reads };
}

describe("generation scoped to one environment", () => {
  it("gives exactly that environment's files and the shared ones, byte for byte", () => {
    for (const env of streamforge.environments) {
      const expected = generate(streamforge).filter((r) => r.env === undefined || r.env === env.name);
      expect(generate(streamforge, { env: env.name })).toEqual(expected);
    }
  });

  it("reads no more of another environment than the shared files do, and its settings", () => {
    const shared = watching(streamforge, "prod");
    emitHelmfile(shared.platform);
    emitGitlabCi(shared.platform);
    docsIndex(shared.platform);
    // prod's settings say whether an environment built before stands for it in the helmfile's
    // needs (all of it but its Proxmox settings: no emitter of prod's infrastructure runs).
    const key = watching(streamforge, "prod");
    needsKey(key.platform.environments.find((e) => e.name === "prod")!);
    expect([...key.reads].some((path) => path.startsWith("/proxmox/"))).toBe(false);
    const scoped = watching(streamforge, "prod");
    generate(scoped.platform, { env: "lab" });
    expect([...scoped.reads].sort()).toEqual([...new Set([...shared.reads, ...key.reads])].sort());
    // The unscoped run reads far more of prod than the shared files: the comparison above can fail.
    const all = watching(streamforge, "prod");
    generate(all.platform);
    expect([...all.reads].filter((path) => path.startsWith("/proxmox/")).length).toBeGreaterThan(0);
    expect(all.reads.size).toBeGreaterThan(shared.reads.size);
  });

  it("gen --env X refuses a model for X's rule errors, not for another environment's", () => {
    const platform = structuredClone(streamforge) as Platform;
    const prod = platform.environments.find((e) => e.name === "prod")!;
    // kube-vip and the node would both answer ARP for the address: an error in prod's model.
    prod.cluster.apiVip = prod.nodes[0]!.ip;
    const rules = (env?: string) => modelRuleErrors(platform, generate(platform, env === undefined ? {} : { env }), "model", env).map((d) => d.rule);
    expect(rules()).toEqual(["network/vip-conflict"]);
    expect(rules("prod")).toEqual(["network/vip-conflict"]);
    expect(rules("lab")).toEqual([]);
  });
});
