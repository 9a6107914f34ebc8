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
import { watching } from "../support/watching.ts";

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
