import type { ManifestBuilder } from "./kube.ts";

/** TODO: manifests for gateway-routes. */
export const gatewayRoutes: ManifestBuilder = () => [];
