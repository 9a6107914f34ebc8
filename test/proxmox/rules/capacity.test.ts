/**
 * `proxmox/capacity`, CPU side: a Proxmox node may carry as many vCPUs as its cores times the
 * model's overcommit, and not one more. The limits are set from the model's own VM placement,
 * so the test follows the model when VMs move.
 */
import { describe, expect, it } from "vitest";
import { rule } from "../../../src/proxmox/rules/capacity.ts";
import { generate } from "../../../src/pipeline/generate.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { LintContext, LintFile } from "../../../src/core/lint/context.ts";
import type { Platform } from "../../../src/core/model/types.ts";

/** vCPUs the model places on each Proxmox node, over every environment (they share the hosts). */
function vcpusByHost(platform: Platform): Map<string, number> {
  const sums = new Map<string, number>();
  for (const env of platform.environments) for (const n of env.nodes) sums.set(n.vm.host, (sums.get(n.vm.host) ?? 0) + n.vm.cores);
  return sums;
}

/** The model with every host's cores and the overcommit set by `size` (host name, its vCPU sum). */
function sized(size: (host: string, vcpus: number) => { cores: number; overcommit: number }): Platform {
  const platform = structuredClone(streamforge);
  const sums = vcpusByHost(platform);
  for (const env of platform.environments) {
    for (const host of env.proxmox.hosts) {
      const { cores, overcommit } = size(host.name, sums.get(host.name) ?? 0);
      host.cores = cores;
      env.proxmox.cpuOvercommit = overcommit;
      host.memoryMiB = 10_000_000;
    }
  }
  return platform;
}

const cpuFindings = (platform: Platform) => {
  const files = generate(platform).map((r) => new LintFile(r.path, r.content, "other", undefined, r.documents));
  return rule.check(new LintContext(platform, files, "model")).filter((d) => d.message.includes("over its CPU"));
};

describe("proxmox/capacity checks vCPUs against cores x overcommit", () => {
  it("accepts hosts filled exactly to cores x overcommit", () => {
    expect(cpuFindings(sized((_, vcpus) => ({ cores: vcpus, overcommit: 1 })))).toEqual([]);
  });

  it("reports a host one vCPU over, naming it and the sum", () => {
    const findings = cpuFindings(sized((host, vcpus) => ({ cores: host === "pve2" ? vcpus - 1 : vcpus, overcommit: 1 })));
    expect(findings.map((d) => d.message)).toEqual([expect.stringMatching(/^pve2 is over its CPU: (\d+) vCPUs for \d+ cores x 1 overcommit/)]);
  });

  it("applies the overcommit: half the cores suffice at 2, not at 1", () => {
    const even = (vcpus: number) => vcpus + (vcpus % 2);
    expect(cpuFindings(sized((_, vcpus) => ({ cores: even(vcpus) / 2, overcommit: 2 })))).toEqual([]);
    expect(cpuFindings(sized((_, vcpus) => ({ cores: even(vcpus) / 2, overcommit: 1 }))).length).toBeGreaterThan(0);
  });
});
