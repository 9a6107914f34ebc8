import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { quantityBytes } from "../../charts/contract.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { inventory } from "./inventory.ts";
import type { Claim } from "../../charts/contract.ts";
import type { RuleContext } from "../../../core/lint/context.ts";

const GiB = 2 ** 30;
const fmt = (bytes: number) => (bytes >= 1024 * GiB ? `${(bytes / (1024 * GiB)).toFixed(2)} TiB` : `${Math.round(bytes / GiB)} GiB`);

/**
 * Linstor places every replica of a volume on a different node's data disk: claims times replicas
 * must fit the disks, or volumes stay unprovisioned once the pool is full.
 */
export const storageCapacity: Rule = {
  id: "apply/storage-capacity",
  description: "claims on each storage class times its replica count fit the capacity behind it (Linstor data disks, the NFS export when its size is modelled): warning above 80 %, error above 100 %",
  aboutModel: true,
  check(ctx) {
    const { env } = ctx;
    const inv = inventory(ctx);
    const out: Diagnostic[] = [];
    const claimsAll = [...inv.contracts.values()].flatMap((c) => c.claims ?? []);
    out.push(...nfsCapacity(ctx, claimsAll, this.id));
    const linstor = env.storageClasses.map((c, i) => ({ c, i })).filter(({ c }) => c.provisioner === "linstor");
    if (!linstor.length) return out;
    const capacity = env.nodes.reduce((sum, n) => sum + (n.vm.dataDiskGiB ?? 0) * GiB, 0);
    const claims = claimsAll;
    let asked = 0;
    const parts: Array<{ what: string; bytes: number }> = [];
    for (const claim of claims) {
      const cls = linstor.find(({ c }) => c.name === claim.storageClass)?.c;
      if (!cls) continue;
      const bytes = quantityBytes(claim.size) * claim.count * (cls.replicas ?? 1);
      if (!Number.isFinite(bytes)) continue;
      asked += bytes;
      parts.push({ what: `${claim.what} ${claim.count}x${claim.size}x${cls.replicas ?? 1}`, bytes });
    }
    const ratio = capacity > 0 ? asked / capacity : asked > 0 ? Infinity : 0;
    if (ratio <= 0.8) return out;
    const biggest = parts.sort((a, b) => b.bytes - a.bytes).slice(0, 3).map((p) => p.what).join(", ");
    const names = linstor.map(({ c }) => c.name).join(", ");
    out.push(ctx.model(this.id, ["storageClasses", linstor[0]!.i], `claims on ${names} need ${fmt(asked)} with replicas, ${Math.round(ratio * 100)} % of the ${fmt(capacity)} of Linstor data disks`, {
      severity: ratio > 1 ? "error" : "warning",
      hint: `largest: ${biggest}; shrink claims (components.*.size) or add data disks (nodes[].vm.dataDiskGiB)`,
    }));
    return out;
  },
};

/** The NFS export holds one copy of every claim on its class (the server's own redundancy is its business). */
function nfsCapacity(ctx: RuleContext, claims: Claim[], rule: string): Diagnostic[] {
  // No NFS settings: the environment installs no NFS provisioner, so nothing claims the export.
  const nfs = ctx.env.components.nfs;
  if (nfs?.capacity === undefined) return [];
  const capacity = quantityBytes(nfs.capacity);
  const on = claims.filter((c) => c.storageClass === nfs.storageClass);
  const asked = on.reduce((sum, c) => sum + quantityBytes(c.size) * c.count, 0);
  const ratio = capacity > 0 ? asked / capacity : Infinity;
  if (!(ratio > 0.8)) return [];
  return [
    ctx.model(rule, ["components", "nfs", "capacity"], `claims on ${nfs.storageClass} need ${fmt(asked)}, ${Math.round(ratio * 100)} % of the ${fmt(capacity)} NFS export ${nfs.path}`, {
      severity: ratio > 1 ? "error" : "warning",
      hint: `claims: ${on.map((c) => `${c.what} ${c.count}x${c.size}`).join(", ")}; shrink them or grow the export`,
    }),
  ];
}
