import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";

describe.each(["prod", "lab"] as const)("nfs-subdir-external-provisioner values in %s", (envName) => {
  const values = () => yamlOf(`values/${envName}/nfs-subdir-external-provisioner.yaml`);

  it("S15 A15 NFS volumes come from 192.168.1.6:/data0/k2", () => {
    expect(values().nfs).toEqual({ server: "192.168.1.6", path: "/data0/k2" });
  });

  it("S15 A8 the provisioner creates the RWX class nfs-client, not the default class", () => {
    expect(values().storageClass).toMatchObject({ create: true, name: "nfs-client", defaultClass: false, accessModes: "ReadWriteMany" });
  });
});
