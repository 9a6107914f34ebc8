import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { proxmoxPaths } from "../../core/model/infra.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { specByPath, vmSpecs } from "../../core/lint/infra.ts";

/** `/dev/sdb` is the second SCSI disk (`scsi1`) of a VM on a virtio-scsi controller. */
function scsiParamOf(device: string): string | undefined {
  const match = /^\/dev\/sd([a-z])$/.exec(device);
  return match ? `scsi${(match[1] ?? "a").charCodeAt(0) - 97}` : undefined;
}

/** The size in GiB of a new-volume disk value `<storage>:<GiB>[,...]`. */
function sizeOf(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^[^:,]+:(\d+)(?:,|$)/.exec(value) ?? /(?:^|,)size=(\d+)G(?:,|$)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** Piraeus (S14) builds its storage pool on each node's data disk: a missing disk is a node without storage. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/data-disk",
  description: "every Linstor data disk of the model exists on its VM, at the model's size and device",
  check(ctx) {
    const { output: files } = ctx;
    const specAt = specByPath(vmSpecs(ctx));
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      for (const node of env.nodes) {
        if (node.vm.dataDiskGiB === undefined) continue;
        const spec = specAt(proxmoxPaths(env.name).spec(node.name));
        if (!spec) continue;
        // Linstor names the disk by its device inside the VM, where the model pins one.
        const device = (node.vm as { dataDiskDevice?: string }).dataDiskDevice ?? "/dev/sdb";
        const param = scsiParamOf(device);
        if (!param) {
          out.push(ctx.at(this.id, files.site(spec.path, ["params"]), `${node.name}: Linstor device ${device} is not a SCSI disk of the VM (/dev/sdX)`, { key: true }));
          continue;
        }
        const value = spec.params[param];
        if (value === undefined) {
          out.push(ctx.at(this.id, files.site(spec.path, ["params"]), `${node.name}: the Linstor data disk (${device}, ${node.vm.dataDiskGiB} GiB) is missing: no ${param}`, { hint: `${param}: ${env.proxmox.storage}:${node.vm.dataDiskGiB}`, key: true }));
        } else if (sizeOf(value) !== node.vm.dataDiskGiB) {
          out.push(ctx.at(this.id, files.site(spec.path, ["params", param]), `${node.name}: ${param} is ${JSON.stringify(value)}, the model's data disk is ${node.vm.dataDiskGiB} GiB`));
        }
      }
    }
    return out;
  },
};
