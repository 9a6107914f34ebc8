import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for nfs-subdir-external-provisioner. */
export const nfsSubdirExternalProvisioner: ValuesAdapter = () => ({});
