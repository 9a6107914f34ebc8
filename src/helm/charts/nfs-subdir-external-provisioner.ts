import type { ValuesAdapter } from "./adapter.ts";
import type { NfsSubdirExternalProvisionerValues } from "./types/nfs-subdir-external-provisioner.ts";
import type { StorageClass } from "../../core/model/types.ts";
import { settingsOf } from "../../core/model/components.ts";

/**
 * The NFS subdir external provisioner (S15): one directory per volume under the export
 * `<external.nfs>:<nfs.path>`, offered as the storage class named in the model (RWX, A8).
 * Volumes are archived, not deleted, when their claim goes away.
 */
export const nfsSubdirExternalProvisioner: ValuesAdapter<NfsSubdirExternalProvisionerValues> = ({ env }) => {
  const nfs = settingsOf(env, "nfs");
  const cls: StorageClass | undefined = env.storageClasses.find((c) => c.name === nfs.storageClass);
  if (!cls || cls.provisioner !== "nfs-subdir") {
    throw new Error(`nfs-subdir-external-provisioner: ${env.name} has no nfs-subdir storage class "${nfs.storageClass}"`);
  }
  return {
    nfs: { server: env.external.nfs.ip, path: nfs.path },
    storageClass: {
      create: true,
      name: cls.name,
      defaultClass: cls.default === true,
      accessModes: cls.accessModes.includes("ReadWriteMany") ? "ReadWriteMany" : "ReadWriteOnce",
      archiveOnDelete: true,
    },
  };
};
