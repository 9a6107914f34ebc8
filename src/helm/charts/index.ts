/** Every chart adapter, by the key a release names in `adapter`. */
import type { Values, ValuesAdapter } from "./adapter.ts";
import { lookup } from "../../core/model/lookup.ts";
import { certManager } from "./cert-manager.ts";
import { metallb } from "./metallb.ts";
import { traefik } from "./traefik.ts";
import { ingressNginx } from "./ingress-nginx.ts";
import { nfsSubdirExternalProvisioner } from "./nfs-subdir-external-provisioner.ts";
import { piraeusOperator } from "./piraeus-operator.ts";
import { linstorCluster } from "./linstor-cluster.ts";
import { minio } from "./minio.ts";
import { strimziKafkaOperator } from "./strimzi-kafka-operator.ts";
import { kubeArangodb } from "./kube-arangodb.ts";
import { postgresOperator } from "./postgres-operator.ts";
import { keda } from "./keda.ts";
import { kafkaUi } from "./kafka-ui.ts";
import { kubePrometheusStack } from "./kube-prometheus-stack.ts";
import { eckOperator } from "./eck-operator.ts";
import { eckElasticsearch } from "./eck-elasticsearch.ts";
import { eckKibana } from "./eck-kibana.ts";
import { fluentBit } from "./fluent-bit.ts";
import { gitlabRunner } from "./gitlab-runner.ts";
import { argoCd } from "./argo-cd.ts";
import { reloader } from "./reloader.ts";
import { secretsStoreCsiDriver } from "./secrets-store-csi-driver.ts";
import { vault } from "./vault.ts";
import { keycloakx } from "./keycloakx.ts";
import { gpuOperator } from "./gpu-operator.ts";
import { configSyncer } from "./config-syncer.ts";
import { technitium } from "./technitium.ts";
import { mailrelay } from "./mailrelay.ts";

/**
 * Every chart adapter, by the key a release names in `adapter`. Each adapter is typed where it is
 * defined by the values type of its chart version (`src/helm/charts/types/`, derived from
 * `schema/charts/`), so a key the chart does not have fails the type check there.
 */
export const chartAdapters = {
  "cert-manager": certManager,
  "metallb": metallb,
  "traefik": traefik,
  "ingress-nginx": ingressNginx,
  "nfs-subdir-external-provisioner": nfsSubdirExternalProvisioner,
  "piraeus-operator": piraeusOperator,
  "linstor-cluster": linstorCluster,
  "minio": minio,
  "strimzi-kafka-operator": strimziKafkaOperator,
  "kube-arangodb": kubeArangodb,
  "postgres-operator": postgresOperator,
  "keda": keda,
  "kafka-ui": kafkaUi,
  "kube-prometheus-stack": kubePrometheusStack,
  "eck-operator": eckOperator,
  "eck-elasticsearch": eckElasticsearch,
  "eck-kibana": eckKibana,
  "fluent-bit": fluentBit,
  "gitlab-runner": gitlabRunner,
  "argo-cd": argoCd,
  "reloader": reloader,
  "secrets-store-csi-driver": secretsStoreCsiDriver,
  "vault": vault,
  "keycloakx": keycloakx,
  "gpu-operator": gpuOperator,
  "config-syncer": configSyncer,
  "technitium": technitium,
  "mailrelay": mailrelay,
} satisfies Record<string, ValuesAdapter<Values>>;

/** The adapter called `name`, if there is one (own keys only: `toString` names no adapter). */
export function valuesAdapter(name: string): ValuesAdapter<Values> | undefined {
  return lookup<ValuesAdapter<Values>>(chartAdapters, name);
}
