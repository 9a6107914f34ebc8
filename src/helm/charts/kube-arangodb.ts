import type { ValuesAdapter } from "./adapter.ts";
import type { KubeArangodbValues } from "./types/kube-arangodb.ts";

/**
 * The ArangoDB operator (S18). Only the deployment controller is needed: volumes come from the
 * Linstor storage class (S14), so the operator's local-storage provisioner stays off, and
 * neither replication between data centres nor backups to cloud storage are used.
 */
export const kubeArangodb: ValuesAdapter<KubeArangodbValues> = () => ({
  operator: {
    features: {
      deployment: true,
      deploymentReplications: false,
      storage: false,
      backup: false,
    },
  },
});
