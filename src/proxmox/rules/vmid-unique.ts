import type { Diagnostic } from "../../core/diagnostics/types.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { type VmSpecRead, everyVmSpec } from "../../core/lint/infra.ts";

/** VMIDs are unique in a Proxmox cluster, across every environment that shares it. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/vmid-unique",
  description: "every VMID is unique across all environments and differs from the template's",
  check(ctx) {
    const { platform, output: files } = ctx;
    const out: Diagnostic[] = [];
    const seen = new Map<number, VmSpecRead>();
    const templates = new Set(platform.environments.map((e) => e.proxmox.templateVmid));
    for (const spec of everyVmSpec(ctx)) {
      const vmid = Number(spec.params.vmid);
      if (templates.has(vmid)) {
        out.push(ctx.at(this.id, files.site(spec.path, ["params", "vmid"]), `VMID ${vmid} is the cloud-init template's`, { hint: "give the VM a VMID of its own" }));
        continue;
      }
      const first = seen.get(vmid);
      if (first) {
        out.push(ctx.at(this.id, files.site(spec.path, ["params", "vmid"]), `VMID ${vmid} is also the VMID of ${first.path}`, { hint: "VMIDs are unique in the Proxmox cluster; prod uses 2101.., lab 3101.. (A5)" }));
      } else seen.set(vmid, spec);
    }
    return out;
  },
};
