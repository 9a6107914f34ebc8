/**
 * Every storage class of the model (A8) is created exactly once: Linstor classes by linstor-cluster,
 * the NFS class by the NFS provisioner, static classes by the storage-classes release.
 */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { pathsUnder, yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("storage classes in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const created = () => {
    const linstor = (yamlOf(`values/${envName}/linstor-cluster.yaml`).storageClasses as Array<{ name: string; annotations: Record<string, string> }>).map(
      (c) => ({ name: c.name, default: c.annotations["storageclass.kubernetes.io/is-default-class"] === "true" }),
    );
    const nfsValues = yamlOf(`values/${envName}/nfs-subdir-external-provisioner.yaml`).storageClass;
    const nfs = nfsValues.create ? [{ name: nfsValues.name, default: nfsValues.defaultClass === true }] : [];
    const local = pathsUnder(`manifests/${envName}/storage-classes/`).map((p) => {
      const sc = yamlOf(p);
      return { name: sc.metadata.name, default: sc.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true" };
    });
    return [...linstor, ...nfs, ...local];
  };

  it("A8 every model storage class is created exactly once, with the model's default flag", () => {
    const expected = env.storageClasses.map((c) => ({ name: c.name, default: c.default === true }));
    expect(created().sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it("A8 linstor-r2 is the only default class", () => {
    expect(created().filter((c) => c.default).map((c) => c.name)).toEqual(["linstor-r2"]);
  });

  it("A8 glusterfs is static: no provisioner, existing volumes retained", () => {
    expect(yamlOf(`manifests/${envName}/storage-classes/storageclass-glusterfs.yaml`)).toMatchObject({
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "glusterfs" },
      provisioner: "kubernetes.io/no-provisioner",
      reclaimPolicy: "Retain",
      volumeBindingMode: "WaitForFirstConsumer",
    });
  });
});
