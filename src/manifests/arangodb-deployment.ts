import type { ManifestBuilder } from "./kube.ts";

/** TODO: manifests for arangodb-deployment. */
export const arangodbDeployment: ManifestBuilder = () => [];
