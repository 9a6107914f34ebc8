import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { kubesprayPaths } from "../../core/model/infra.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { groupHosts } from "../../core/lint/infra.ts";
import { KUBESPRAY_GROUPS } from "../../core/model/infra.ts";

/** Kubespray asserts this only when the play reaches the control plane. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/control-plane-empty",
  description: "the kube_control_plane group has at least one host",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const path = kubesprayPaths(env.name).hosts;
      if (!files.has(path)) continue;
      const group = groupHosts(files, env.name, KUBESPRAY_GROUPS.controlPlane);
      if (group.hosts.length === 0) {
        out.push(ctx.at(this.id, files.site(path, group.pointer), `${env.name}: group ${KUBESPRAY_GROUPS.controlPlane} has no host`, { hint: 'give at least one node of the model role "control-plane"', key: true }));
      }
    }
    return out;
  },
};
