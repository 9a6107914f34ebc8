import type { ManifestBuilder } from "./kube.ts";

/** TODO: manifests for storage-classes. */
export const storageClasses: ManifestBuilder = () => [];
