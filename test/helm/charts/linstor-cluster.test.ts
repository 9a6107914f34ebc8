import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { yamlOf } from "../../support/generated.ts";
import { crdErrors } from "../../support/schemas.ts";

describe.each(streamforge.environments.map((e) => e.name))("linstor-cluster values in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const workers = env.nodes.filter((n) => n.role === "worker").map((n) => n.name);
  const values = () => yamlOf(`values/${envName}/linstor-cluster.yaml`);
  const hostnames = (affinity: any): string[] => affinity.nodeSelectorTerms[0].matchExpressions[0].values;

  it("S14 LINSTOR runs on the worker nodes only", () => {
    expect(workers.length).toBeGreaterThan(0);
    expect(hostnames(values().linstorCluster.nodeAffinity)).toEqual(workers);
  });

  it("S14 A6 every worker's data disk /dev/sdb becomes the LVM thin storage pool", () => {
    const configs = values().linstorSatelliteConfigurations;
    expect(configs).toHaveLength(1);
    expect(hostnames(configs[0].nodeAffinity)).toEqual(workers);
    expect(configs[0].storagePools).toEqual([
      { name: "data", lvmThinPool: { volumeGroup: "linstor_data", thinPool: "data" }, source: { hostDevices: ["/dev/sdb"] } },
    ]);
  });

  it("S14 the satellite configurations are valid LinstorSatelliteConfiguration specs", () => {
    for (const { name, ...spec } of values().linstorSatelliteConfigurations) {
      expect(crdErrors({ apiVersion: "piraeus.io/v1", kind: "LinstorSatelliteConfiguration", metadata: { name }, spec } as never)).toEqual([]);
    }
    expect(crdErrors({ apiVersion: "piraeus.io/v1", kind: "LinstorCluster", metadata: { name: "linstorcluster" }, spec: values().linstorCluster } as never)).toEqual([]);
  });

  it("A8 linstor-r2 is the default class: Linstor CSI, 2 replicas, in the data pool", () => {
    expect(values().storageClasses).toEqual([
      {
        name: "linstor-r2",
        annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
        provisioner: "linstor.csi.linbit.com",
        reclaimPolicy: "Delete",
        allowVolumeExpansion: true,
        volumeBindingMode: "WaitForFirstConsumer",
        parameters: { "linstor.csi.linbit.com/storagePool": "data", "linstor.csi.linbit.com/placementCount": "2" },
      },
    ]);
  });

  it("S14 the Piraeus operator installs its CRDs for the LinstorCluster to follow", () => {
    expect(yamlOf(`values/${envName}/piraeus-operator.yaml`).installCRDs).toBe(true);
    const release = streamforge.releases.find((r) => r.name === "linstor-cluster")!;
    expect(release.needs).toContain("piraeus-operator");
  });
});
