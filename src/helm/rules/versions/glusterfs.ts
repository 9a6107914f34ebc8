import semver from "semver";
import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";

/** Kubernetes 1.26 removed the in-tree GlusterFS volume plugin and its provisioner (A8). */
const REMOVED_IN = "1.26.0";

export const glusterfsInTree: Rule = {
  id: "versions/glusterfs-in-tree",
  description: "no StorageClass uses the in-tree GlusterFS provisioner (removed in Kubernetes 1.26); external GlusterFS classes are static",
  aboutModel: true,
  check(ctx) {
    const out: Diagnostic[] = [];
    const removed = semver.gte(ctx.env.cluster.kubernetesVersion, REMOVED_IN);
    for (const doc of ctx.searchFiles ? ctx.kubeObjects : []) {
      if (doc.kind !== "StorageClass" || doc.object.provisioner !== "kubernetes.io/glusterfs" || !removed) continue;
      out.push(
        ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/provisioner` }, `StorageClass uses kubernetes.io/glusterfs, which Kubernetes ${ctx.env.cluster.kubernetesVersion} no longer has`, {
          hint: "model the class as glusterfs-external (static PersistentVolumes), or use a CSI driver",
        }),
      );
    }
    ctx.env.storageClasses.forEach((cls, i) => {
      if (cls.provisioner !== "glusterfs-external") return;
      out.push(
        ctx.model(this.id, ["storageClasses", i, "provisioner"], `storage class ${cls.name} is static: nothing provisions GlusterFS volumes since Kubernetes 1.26`, {
          severity: "warning",
          hint: "create its PersistentVolumes by hand (or move the claims to nfs-client)",
        }),
      );
    });
    return out;
  },
};
