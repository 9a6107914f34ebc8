import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { kubesprayPaths } from "../../core/model/infra.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { groupHosts } from "../../core/lint/infra.ts";
import { KUBESPRAY_GROUPS } from "../../core/model/infra.ts";

/** An even etcd cluster tolerates no more failures than the odd one below it, and can split evenly. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/etcd-odd",
  description: "the etcd group has an odd number of members",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const path = kubesprayPaths(env.name).hosts;
      if (!files.has(path)) continue;
      const group = groupHosts(files, env.name, KUBESPRAY_GROUPS.etcd);
      const n = group.hosts.length;
      if (n % 2 === 0) {
        out.push(
          ctx.at(this.id, files.site(path, group.pointer), `${env.name}: etcd has ${n} members (${group.hosts.join(", ") || "none"}); Kubespray requires an odd number`, {
            hint: `use ${n === 0 ? 1 : `${n - 1} or ${n + 1}`} control-plane nodes (etcd is stacked on the control plane)`,
            key: true,
          }),
        );
      }
    }
    return out;
  },
};
