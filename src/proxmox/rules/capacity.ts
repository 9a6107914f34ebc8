import type { Diagnostic } from "../../core/diagnostics/types.ts";
import type { ProxmoxHost } from "../../core/model/types.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { type VmSpecRead, everyVmSpec } from "../../core/lint/infra.ts";

/** Memory of a spec in MiB (`memory` is a property string whose default key is `current`). */
function memoryMiB(spec: VmSpecRead): number {
  const text = String(spec.params.memory ?? "");
  const current = /(?:^|,)(?:current=)?(\d+)(?:,|$)/.exec(text);
  return current ? Number(current[1]) : 0;
}

function vcpus(spec: VmSpecRead): number {
  return Number(spec.params.cores ?? 1) * Number(spec.params.sockets ?? 1);
}

/**
 * The VMs placed on a Proxmox node fit its memory, and its cores times the model's CPU overcommit.
 * Summed over every environment: lab and prod share the Proxmox hosts.
 */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/capacity",
  description: "the VMs on each Proxmox node (all environments together) fit its CPU (with overcommit) and memory",
  check(ctx) {
    const { platform, output: files } = ctx;
    const out: Diagnostic[] = [];
    const hosts = new Map<string, { host: ProxmoxHost; overcommit: number }>();
    for (const env of platform.environments) {
      for (const host of env.proxmox.hosts) if (!hosts.has(host.name)) hosts.set(host.name, { host, overcommit: env.proxmox.cpuOvercommit });
    }
    const byHost = new Map<string, VmSpecRead[]>();
    for (const spec of everyVmSpec(ctx)) {
      const node = String(spec.node);
      if (!hosts.has(node)) {
        out.push(ctx.at(this.id, files.site(spec.path, ["node"]), `Proxmox node ${JSON.stringify(spec.node)} is not in the model (${[...hosts.keys()].join(", ")})`));
        continue;
      }
      byHost.set(node, [...(byHost.get(node) ?? []), spec]);
    }
    for (const [name, specs] of byHost) {
      const { host, overcommit } = hosts.get(name) as { host: ProxmoxHost; overcommit: number };
      const cpuLimit = host.cores * overcommit;
      const list = specs.map((s) => `${s.env.name}/${String(s.params.name)}`).join(", ");
      let cpu = 0;
      let cpuReported = false;
      let mem = 0;
      let memReported = false;
      for (const spec of specs) {
        cpu += vcpus(spec);
        mem += memoryMiB(spec);
        if (!cpuReported && cpu > cpuLimit) {
          cpuReported = true;
          const total = specs.reduce((n, s) => n + vcpus(s), 0);
          out.push(
            ctx.at(this.id, files.site(spec.path, ["params", "cores"]), `${name} is over its CPU: ${total} vCPUs for ${host.cores} cores x ${overcommit} overcommit = ${cpuLimit} (${list})`, {
              hint: "move a VM to another Proxmox node or give it fewer cores",
            }),
          );
        }
        if (!memReported && mem > host.memoryMiB) {
          memReported = true;
          const total = specs.reduce((n, s) => n + memoryMiB(s), 0);
          out.push(
            ctx.at(this.id, files.site(spec.path, ["params", "memory"]), `${name} is over its memory: ${total} MiB of VMs for ${host.memoryMiB} MiB (${list})`, {
              hint: "move a VM to another Proxmox node or give it less memory",
            }),
          );
        }
      }
    }
    return out;
  },
};
