import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { kubesprayPaths } from "../emit.ts";
import { KUBESPRAY_GROUPS, type InfraRule, groupHosts, infraFiles } from "./inventory.ts";

/** Kubespray asserts this only when the play reaches the control plane. */
export const rule: InfraRule = {
  id: "kubespray/control-plane-empty",
  description: "the kube_control_plane group has at least one host",
  check(platform, records) {
    const files = infraFiles(records);
    const out: Diagnostic[] = [];
    for (const env of platform.environments) {
      const path = kubesprayPaths(env.name).hosts;
      if (!files.has(path)) continue;
      const group = groupHosts(files, env.name, KUBESPRAY_GROUPS.controlPlane);
      if (group.hosts.length === 0) {
        out.push(files.at(this.id, path, group.pointer, `${env.name}: group ${KUBESPRAY_GROUPS.controlPlane} has no host`, { hint: 'give at least one node of the model role "control-plane"', key: true }));
      }
    }
    return out;
  },
};
