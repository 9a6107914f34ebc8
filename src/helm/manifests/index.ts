/** Every manifest builder, by the key a `local` release names in `adapter`. */
import type { ManifestBuilder } from "./kube.ts";
import { certManagerIssuers } from "./cert-manager-issuers.ts";
import { metallbPools } from "./metallb-pools.ts";
import { gatewayRoutes } from "./gateway-routes.ts";
import { storageClasses } from "./storage-classes.ts";
import { kafkaCluster } from "./kafka-cluster.ts";
import { arangodbDeployment } from "./arangodb-deployment.ts";
import { postgresCluster } from "./postgres-cluster.ts";

export const manifestBuilders: Readonly<Record<string, ManifestBuilder>> = {
  "cert-manager-issuers": certManagerIssuers,
  "metallb-pools": metallbPools,
  "gateway-routes": gatewayRoutes,
  "storage-classes": storageClasses,
  "kafka-cluster": kafkaCluster,
  "arangodb-deployment": arangodbDeployment,
  "postgres-cluster": postgresCluster,
};
