import type { ManifestBuilder } from "./kube.ts";

/** TODO: manifests for postgres-cluster. */
export const postgresCluster: ManifestBuilder = () => [];
