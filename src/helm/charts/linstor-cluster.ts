import type { ValuesAdapter } from "./adapter.ts";
import type { LinstorClusterValues } from "./types/linstor-cluster.ts";
import type { ClusterNode, Environment, StorageClass } from "../../core/model/types.ts";
import { linstorSatelliteNodes } from "../../core/model/infra.ts";
import { settingsOf } from "../../core/model/components.ts";

/** The Linstor CSI driver's provisioner name, which the operator registers. */
const LINSTOR_PROVISIONER = "linstor.csi.linbit.com";
const DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

const hostnameIn = (nodes: ClusterNode[]) => ({
  nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: nodes.map((n) => n.name) }] }],
});

/** Workers with a data disk, grouped by the device the guest sees it as. */
function storageNodesByDevice(env: Environment): Map<string, ClusterNode[]> {
  const byDevice = new Map<string, ClusterNode[]>();
  for (const node of env.nodes) {
    const device = node.vm.dataDiskDevice;
    if (node.role !== "worker" || !node.vm.dataDiskGiB || !device) continue;
    byDevice.set(device, [...(byDevice.get(device) ?? []), node]);
  }
  return byDevice;
}

/** The StorageClass of a Linstor class (A8): `replicas` copies in the model's storage pool. */
function linstorStorageClass(env: Environment, cls: StorageClass): NonNullable<LinstorClusterValues["storageClasses"]>[number] {
  return {
    name: cls.name,
    annotations: cls.default ? { [DEFAULT_CLASS_ANNOTATION]: "true" } : {},
    provisioner: LINSTOR_PROVISIONER,
    reclaimPolicy: "Delete",
    allowVolumeExpansion: true,
    // The scheduler picks the node first, so one replica can be local to the pod.
    volumeBindingMode: "WaitForFirstConsumer",
    parameters: {
      "linstor.csi.linbit.com/storagePool": settingsOf(env, "linstor").storagePool,
      "linstor.csi.linbit.com/placementCount": String(cls.replicas ?? 1),
    },
  };
}

/**
 * The LINSTOR cluster (S14). LINSTOR runs on the workers (satellites and CSI node plugin; pods
 * only run there); the workers with a data disk (A6) get an LVM thin pool on that disk, created
 * by the satellite from the raw device. The Linstor storage classes (A8) come from this chart's own
 * `storageClasses`, so the class and the pool it names live in one release.
 */
export const linstorCluster: ValuesAdapter<LinstorClusterValues> = ({ env }) => {
  const pool = settingsOf(env, "linstor").storagePool;
  const workers = linstorSatelliteNodes(env);
  const satelliteConfigurations = [...storageNodesByDevice(env)].map(([device, nodes]) => ({
    name: `${pool}-${device.split("/").pop()}`,
    nodeAffinity: hostnameIn(nodes),
    storagePools: [
      {
        name: pool,
        lvmThinPool: { volumeGroup: `linstor_${pool}`, thinPool: pool },
        source: { hostDevices: [device] },
      },
    ],
  }));
  return {
    linstorCluster: { nodeAffinity: hostnameIn(workers) },
    linstorSatelliteConfigurations: satelliteConfigurations,
    storageClasses: env.storageClasses.filter((c) => c.provisioner === "linstor").map((c) => linstorStorageClass(env, c)),
  };
};
