/** Every chart adapter, by the key a release names in `adapter`. */
import type { ValuesAdapter } from "./adapter.ts";
import type { AppTemplateValues } from "./types/app-template.ts";
import type { ArgoCdValues } from "./types/argo-cd.ts";
import type { CertManagerValues } from "./types/cert-manager.ts";
import type { ConfigSyncerValues } from "./types/config-syncer.ts";
import type { EckElasticsearchValues } from "./types/eck-elasticsearch.ts";
import type { EckKibanaValues } from "./types/eck-kibana.ts";
import type { EckOperatorValues } from "./types/eck-operator.ts";
import type { FluentBitValues } from "./types/fluent-bit.ts";
import type { GitlabRunnerValues } from "./types/gitlab-runner.ts";
import type { GpuOperatorValues } from "./types/gpu-operator.ts";
import type { IngressNginxValues } from "./types/ingress-nginx.ts";
import type { KafkaUiValues } from "./types/kafka-ui.ts";
import type { KedaValues } from "./types/keda.ts";
import type { KeycloakxValues } from "./types/keycloakx.ts";
import type { KubeArangodbValues } from "./types/kube-arangodb.ts";
import type { KubePrometheusStackValues } from "./types/kube-prometheus-stack.ts";
import type { LinstorClusterValues } from "./types/linstor-cluster.ts";
import type { MetallbValues } from "./types/metallb.ts";
import type { MinioValues } from "./types/minio.ts";
import type { NfsSubdirExternalProvisionerValues } from "./types/nfs-subdir-external-provisioner.ts";
import type { PiraeusValues } from "./types/piraeus.ts";
import type { PostgresOperatorValues } from "./types/postgres-operator.ts";
import type { ReloaderValues } from "./types/reloader.ts";
import type { SecretsStoreCsiDriverValues } from "./types/secrets-store-csi-driver.ts";
import type { StrimziKafkaOperatorValues } from "./types/strimzi-kafka-operator.ts";
import type { TraefikValues } from "./types/traefik.ts";
import type { VaultValues } from "./types/vault.ts";
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
 * Each adapter with the values type of its chart version (`src/helm/charts/types/`, derived from
 * `schema/charts/`): a key the chart does not have fails the type check. gitlab-runner has no
 * upstream values to derive from; its keys are checked against its documented list instead.
 */
export type ChartAdapters = {
  "cert-manager": ValuesAdapter<CertManagerValues>;
  metallb: ValuesAdapter<MetallbValues>;
  traefik: ValuesAdapter<TraefikValues>;
  "ingress-nginx": ValuesAdapter<IngressNginxValues>;
  "nfs-subdir-external-provisioner": ValuesAdapter<NfsSubdirExternalProvisionerValues>;
  "piraeus-operator": ValuesAdapter<PiraeusValues>;
  "linstor-cluster": ValuesAdapter<LinstorClusterValues>;
  minio: ValuesAdapter<MinioValues>;
  "strimzi-kafka-operator": ValuesAdapter<StrimziKafkaOperatorValues>;
  "kube-arangodb": ValuesAdapter<KubeArangodbValues>;
  "postgres-operator": ValuesAdapter<PostgresOperatorValues>;
  keda: ValuesAdapter<KedaValues>;
  "kafka-ui": ValuesAdapter<KafkaUiValues>;
  "kube-prometheus-stack": ValuesAdapter<KubePrometheusStackValues>;
  "eck-operator": ValuesAdapter<EckOperatorValues>;
  "eck-elasticsearch": ValuesAdapter<EckElasticsearchValues>;
  "eck-kibana": ValuesAdapter<EckKibanaValues>;
  "fluent-bit": ValuesAdapter<FluentBitValues>;
  "gitlab-runner": ValuesAdapter<GitlabRunnerValues>;
  "argo-cd": ValuesAdapter<ArgoCdValues>;
  reloader: ValuesAdapter<ReloaderValues>;
  "secrets-store-csi-driver": ValuesAdapter<SecretsStoreCsiDriverValues>;
  vault: ValuesAdapter<VaultValues>;
  keycloakx: ValuesAdapter<KeycloakxValues>;
  "gpu-operator": ValuesAdapter<GpuOperatorValues>;
  "config-syncer": ValuesAdapter<ConfigSyncerValues>;
  technitium: ValuesAdapter<AppTemplateValues>;
  mailrelay: ValuesAdapter<AppTemplateValues>;
};

/** Every chart adapter, typed by its chart's values, by the key a release names in `adapter`. */
export const chartAdapters: ChartAdapters = {
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
};

/**
 * The same adapters, looked up by name. The derived values types are interfaces (no index
 * signature), hence the cast: each is a plain JSON object, which is what `Values` means.
 */
export const valuesAdapters: Readonly<Record<string, ValuesAdapter>> = chartAdapters as unknown as Readonly<Record<string, ValuesAdapter>>;
