import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { proxmoxPaths } from "../emit.ts";
import { type InfraRule, infraFiles, vmSpecs } from "../../kubespray/rules/inventory.ts";

/** The PCI address of a `hostpci` value (`host=0000:01:00,pcie=1` or `0000:01:00`). */
function pciOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const first = value.split(",")[0] ?? "";
  return first.startsWith("host=") ? first.slice(5) : first.includes("=") ? undefined : first;
}

/** A GPU node needs its GPU passed through from a Proxmox node that has one (A4, A5). */
export const rule: InfraRule = {
  id: "proxmox/gpu-host",
  description: "GPU worker VMs run on a Proxmox node with a GPU and pass it through on a q35 machine",
  check(platform, records) {
    const files = infraFiles(records);
    const specs = vmSpecs(platform, files);
    const out: Diagnostic[] = [];
    for (const env of platform.environments) {
      for (const node of env.nodes.filter((n) => n.gpu)) {
        const spec = specs.find((s) => s.path === proxmoxPaths(env.name).spec(node.name));
        if (!spec) continue;
        const host = env.proxmox.hosts.find((h) => h.name === spec.node);
        const withGpu = env.proxmox.hosts.filter((h) => h.gpuPci).map((h) => h.name);
        if (!host?.gpuPci) {
          out.push(files.at(this.id, spec.path, ["node"], `${env.name}: GPU node ${node.name} runs on ${String(spec.node)}, which has no GPU`, { hint: withGpu.length ? `place it on ${withGpu.join(" or ")}` : "give a Proxmox host gpuPci" }));
          continue;
        }
        const pci = pciOf(spec.params.hostpci0);
        if (pci !== host.gpuPci) {
          out.push(files.at(this.id, spec.path, ["params", pci === undefined ? "" : "hostpci0"].filter(Boolean), `${env.name}: GPU node ${node.name} passes through ${JSON.stringify(pci)}, ${host.name}'s GPU is ${host.gpuPci}`, { hint: `hostpci0: host=${host.gpuPci},pcie=1` }));
        }
        if (spec.params.machine !== "q35" && !String(spec.params.machine ?? "").includes("q35")) {
          out.push(files.at(this.id, spec.path, ["params"], `${env.name}: GPU node ${node.name} has machine ${JSON.stringify(spec.params.machine ?? "i440fx (default)")}; PCIe passthrough needs q35`, { hint: "machine: q35", key: true }));
        }
      }
    }
    return out;
  },
};
