import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { proxmoxPaths } from "../../core/model/infra.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { specByPath, vmSpecs } from "../../core/lint/infra.ts";

/** The PCI address of a `hostpci` value (`host=0000:01:00,pcie=1` or `0000:01:00`). */
function pciOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const first = value.split(",")[0] ?? "";
  return first.startsWith("host=") ? first.slice(5) : first.includes("=") ? undefined : first;
}

/** A GPU node needs its GPU passed through from a Proxmox node that has one (A4, A5). */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/gpu-host",
  description: "GPU worker VMs run on a Proxmox node with a GPU and pass it through on a q35 machine",
  check(ctx) {
    const { output: files } = ctx;
    const specAt = specByPath(vmSpecs(ctx));
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      for (const node of env.nodes.filter((n) => n.gpu)) {
        const spec = specAt(proxmoxPaths(env.name).spec(node.name));
        if (!spec) continue;
        const host = env.proxmox.hosts.find((h) => h.name === spec.node);
        const withGpu = env.proxmox.hosts.filter((h) => h.gpuPci).map((h) => h.name);
        if (!host?.gpuPci) {
          out.push(ctx.at(this.id, files.site(spec.path, ["node"]), `${env.name}: GPU node ${node.name} runs on ${String(spec.node)}, which has no GPU`, { hint: withGpu.length ? `place it on ${withGpu.join(" or ")}` : "give a Proxmox host gpuPci" }));
          continue;
        }
        const pci = pciOf(spec.params.hostpci0);
        if (pci !== host.gpuPci) {
          out.push(ctx.at(this.id, files.site(spec.path, ["params", pci === undefined ? "" : "hostpci0"].filter(Boolean)), `${env.name}: GPU node ${node.name} passes through ${JSON.stringify(pci)}, ${host.name}'s GPU is ${host.gpuPci}`, { hint: `hostpci0: host=${host.gpuPci},pcie=1` }));
        }
        if (spec.params.machine !== "q35" && !String(spec.params.machine ?? "").includes("q35")) {
          out.push(ctx.at(this.id, files.site(spec.path, ["params"]), `${env.name}: GPU node ${node.name} has machine ${JSON.stringify(spec.params.machine ?? "i440fx (default)")}; PCIe passthrough needs q35`, { hint: "machine: q35", key: true }));
        }
      }
    }
    return out;
  },
};
