import { type ManifestBuilder, managedLabels } from "./kube.ts";
import { namespaceOf } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** ArangoDB's official image; the tag is the model's version. */
const IMAGE = "arangodb/arangodb";

/**
 * The ArangoDB deployment (S18) in the model's mode: `Cluster` in prod (agents, DB-servers and
 * coordinators, three of each), `Single` in lab (A1). Data lives on the Linstor class (S14);
 * clients reach it inside the cluster only, so no LoadBalancer address is taken from the pool.
 */
export const arangodbDeployment: ManifestBuilder = ({ platform, env }) => {
  const db = settingsOf(env, "arangodb");
  const volume = { resources: { requests: { storage: db.size } }, storageClassName: db.storageClass };
  const members =
    db.mode === "Single"
      ? { single: { count: 1, ...volume } }
      : {
          agents: { count: db.cluster.agents, storageClassName: db.storageClass },
          dbservers: { count: db.cluster.dbservers, ...volume },
          coordinators: { count: db.cluster.coordinators },
        };
  return [
    {
      apiVersion: "database.arangodb.com/v1",
      kind: "ArangoDeployment",
      metadata: { name: db.name, namespace: namespaceOf(platform, "arangodb-deployment"), labels: managedLabels("arangodb") },
      spec: {
        mode: db.mode,
        environment: "Production",
        image: `${IMAGE}:${db.version}`,
        storageEngine: "RocksDB",
        externalAccess: { type: "None" },
        ...members,
      },
    },
  ];
};
