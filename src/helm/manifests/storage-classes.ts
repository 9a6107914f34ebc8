import { type KubeObject, type ManifestBuilder, managedLabels } from "./kube.ts";

/**
 * Storage classes that no chart creates (A8). Linstor classes come from `linstor-cluster`, the NFS
 * class from the NFS provisioner chart. GlusterFS has had no in-tree provisioner since Kubernetes
 * 1.26, so its class is static: volumes are PersistentVolumes created by hand for existing
 * GlusterFS volumes on the external server (A15), bound by the class name.
 */
export const storageClasses: ManifestBuilder = ({ env }) =>
  env.storageClasses
    .filter((cls) => cls.provisioner === "glusterfs-external")
    .map(
      (cls): KubeObject => ({
        apiVersion: "storage.k8s.io/v1",
        kind: "StorageClass",
        metadata: {
          name: cls.name,
          labels: managedLabels("storage"),
          annotations: cls.default ? { "storageclass.kubernetes.io/is-default-class": "true" } : undefined,
        },
        provisioner: "kubernetes.io/no-provisioner",
        reclaimPolicy: "Retain",
        volumeBindingMode: "WaitForFirstConsumer",
        allowVolumeExpansion: false,
      }),
    );
