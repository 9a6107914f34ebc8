import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { proxmoxPaths } from "../../core/model/infra.ts";
import { controlPlaneNodes } from "../../core/model/infra.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { specByPath, vmSpecs } from "../../core/lint/infra.ts";

/** Two control planes on one Proxmox node fall together, and etcd loses its quorum with them. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/control-plane-spread",
  description: "the control-plane VMs of an environment run on different Proxmox nodes",
  check(ctx) {
    const { output: files } = ctx;
    const specAt = specByPath(vmSpecs(ctx));
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const placed = new Map<string, string>();
      for (const node of controlPlaneNodes(env)) {
        const spec = specAt(proxmoxPaths(env.name).spec(node.name));
        if (!spec) continue;
        const host = String(spec.node);
        const other = placed.get(host);
        if (other) {
          out.push(ctx.at(this.id, files.site(spec.path, ["node"]), `${env.name}: control planes ${other} and ${node.name} both run on ${host}`, { hint: "put each control plane on its own Proxmox node (A5)" }));
        } else placed.set(host, node.name);
      }
    }
    return out;
  },
};
