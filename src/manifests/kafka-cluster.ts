import type { ManifestBuilder } from "./kube.ts";

/** TODO: manifests for kafka-cluster. */
export const kafkaCluster: ManifestBuilder = () => [];
