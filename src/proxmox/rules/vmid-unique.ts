import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { type InfraRule, type VmSpecRead, infraFiles, vmSpecs } from "../../kubespray/rules/inventory.ts";

/** VMIDs are unique in a Proxmox cluster, across every environment that shares it. */
export const rule: InfraRule = {
  id: "proxmox/vmid-unique",
  description: "every VMID is unique across all environments and differs from the template's",
  check(platform, records) {
    const files = infraFiles(records);
    const out: Diagnostic[] = [];
    const seen = new Map<number, VmSpecRead>();
    const templates = new Set(platform.environments.map((e) => e.proxmox.templateVmid));
    for (const spec of vmSpecs(platform, files)) {
      const vmid = Number(spec.params.vmid);
      if (templates.has(vmid)) {
        out.push(files.at(this.id, spec.path, ["params", "vmid"], `VMID ${vmid} is the cloud-init template's`, { hint: "give the VM a VMID of its own" }));
        continue;
      }
      const first = seen.get(vmid);
      if (first) {
        out.push(files.at(this.id, spec.path, ["params", "vmid"], `VMID ${vmid} is also the VMID of ${first.path}`, { hint: "VMIDs are unique in the Proxmox cluster; prod uses 2101.., lab 3101.. (A5)" }));
      } else seen.set(vmid, spec);
    }
    return out;
  },
};
