/**
 * Every version the StreamForge platform pins, in one place.
 *
 * Each entry carries a Renovate annotation on the line above its `version`; `renovate.json`
 * matches them with a regex manager. Keep the `version: "..."` line format: `streamforge bump`
 * and Renovate both edit it in place.
 */

/** Where a chart version comes from and what it needs of the cluster. */
export interface ChartPin {
  /** Exact chart version, in the chart's own format. */
  version: string;
  /** The chart's `kubeVersion` constraint (`Chart.yaml`), when it declares one. */
  kubeVersion?: string;
  /** Custom resource API versions (`group/version`) whose CRDs this chart version installs and serves. */
  crdApiVersions?: readonly string[];
}

/** Chart versions by release name. */
export const chartVersions = {
  "cert-manager": {
    // renovate: datasource=helm depName=cert-manager registryUrl=https://charts.jetstack.io
    version: "v1.18.2",
    kubeVersion: ">= 1.22.0-0",
    crdApiVersions: ["acme.cert-manager.io/v1", "cert-manager.io/v1"],
  },
  metallb: {
    // renovate: datasource=helm depName=metallb registryUrl=https://metallb.github.io/metallb
    version: "0.14.9",
    kubeVersion: ">= 1.19.0-0",
    crdApiVersions: ["metallb.io/v1beta1", "metallb.io/v1beta2"],
  },
  traefik: {
    // renovate: datasource=helm depName=traefik registryUrl=https://traefik.github.io/charts
    version: "36.1.0",
    kubeVersion: ">=1.22.0-0",
    crdApiVersions: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1", "hub.traefik.io/v1alpha1", "traefik.io/v1alpha1"],
  },
  "ingress-nginx": {
    // renovate: datasource=helm depName=ingress-nginx registryUrl=https://kubernetes.github.io/ingress-nginx
    version: "4.12.1",
    kubeVersion: ">=1.21.0-0",
  },
  "nfs-subdir-external-provisioner": {
    // renovate: datasource=helm depName=nfs-subdir-external-provisioner registryUrl=https://kubernetes-sigs.github.io/nfs-subdir-external-provisioner/
    version: "4.0.18",
    kubeVersion: ">=1.9.0-0",
  },
  "piraeus-operator": {
    // renovate: datasource=github-tags depName=piraeusdatastore/piraeus-operator extractVersion=^v(?<version>.+)$
    version: "2.7.1",
    crdApiVersions: ["piraeus.io/v1"],
  },
  "linstor-cluster": {
    // renovate: datasource=helm depName=linstor-cluster registryUrl=https://piraeus.io/helm-charts/
    version: "1.0.3",
    kubeVersion: ">= 1.20.0-0",
  },
  minio: {
    // renovate: datasource=helm depName=minio registryUrl=https://charts.min.io/
    version: "5.4.0",
  },
  "strimzi-kafka-operator": {
    // renovate: datasource=helm depName=strimzi-kafka-operator registryUrl=https://strimzi.io/charts/
    version: "0.47.0",
    crdApiVersions: ["core.strimzi.io/v1beta2", "kafka.strimzi.io/v1alpha1", "kafka.strimzi.io/v1beta1", "kafka.strimzi.io/v1beta2"],
  },
  "kube-arangodb": {
    // renovate: datasource=helm depName=kube-arangodb registryUrl=https://arangodb.github.io/kube-arangodb
    version: "1.3.0",
    crdApiVersions: ["database.arangodb.com/v1", "database.arangodb.com/v2alpha1"],
  },
  "postgres-operator": {
    // renovate: datasource=helm depName=postgres-operator registryUrl=https://opensource.zalando.com/postgres-operator/charts/postgres-operator
    version: "1.14.0",
    crdApiVersions: ["acid.zalan.do/v1"],
  },
  keda: {
    // renovate: datasource=helm depName=keda registryUrl=https://kedacore.github.io/charts
    version: "2.17.2",
    kubeVersion: ">=v1.23.0-0",
    crdApiVersions: ["eventing.keda.sh/v1alpha1", "keda.sh/v1alpha1"],
  },
  "kafka-ui": {
    // renovate: datasource=helm depName=kafka-ui registryUrl=https://provectus.github.io/kafka-ui-charts
    version: "0.7.6",
  },
  "kube-prometheus-stack": {
    // renovate: datasource=helm depName=kube-prometheus-stack registryUrl=https://prometheus-community.github.io/helm-charts
    version: "71.1.0",
    kubeVersion: ">=1.19.0-0",
    crdApiVersions: ["monitoring.coreos.com/v1", "monitoring.coreos.com/v1alpha1"],
  },
  "eck-operator": {
    // renovate: datasource=helm depName=eck-operator registryUrl=https://helm.elastic.co
    version: "3.1.0",
    kubeVersion: ">=1.21.0-0",
    crdApiVersions: ["elasticsearch.k8s.elastic.co/v1", "elasticsearch.k8s.elastic.co/v1beta1", "kibana.k8s.elastic.co/v1", "kibana.k8s.elastic.co/v1beta1"],
  },
  "eck-elasticsearch": {
    // renovate: datasource=helm depName=eck-elasticsearch registryUrl=https://helm.elastic.co
    version: "0.16.0",
    kubeVersion: ">= 1.21.0-0",
  },
  "eck-kibana": {
    // renovate: datasource=helm depName=eck-kibana registryUrl=https://helm.elastic.co
    version: "0.16.0",
    kubeVersion: ">= 1.21.0-0",
  },
  "fluent-bit": {
    // renovate: datasource=helm depName=fluent-bit registryUrl=https://fluent.github.io/helm-charts
    version: "0.52.0",
  },
  "gitlab-runner": {
    // renovate: datasource=helm depName=gitlab-runner registryUrl=https://charts.gitlab.io
    version: "0.80.0",
  },
  "argo-cd": {
    // renovate: datasource=helm depName=argo-cd registryUrl=https://argoproj.github.io/argo-helm
    version: "8.3.0",
    kubeVersion: ">=1.25.0-0",
    crdApiVersions: ["argoproj.io/v1alpha1"],
  },
  reloader: {
    // renovate: datasource=helm depName=reloader registryUrl=https://stakater.github.io/stakater-charts
    version: "2.2.0",
  },
  vault: {
    // renovate: datasource=helm depName=vault registryUrl=https://helm.releases.hashicorp.com
    version: "0.30.1",
    kubeVersion: ">= 1.20.0-0",
  },
  "secrets-store-csi-driver": {
    // renovate: datasource=helm depName=secrets-store-csi-driver registryUrl=https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts
    version: "1.5.3",
    kubeVersion: ">=1.16.0-0",
    crdApiVersions: ["secrets-store.csi.x-k8s.io/v1", "secrets-store.csi.x-k8s.io/v1alpha1"],
  },
  keycloakx: {
    // renovate: datasource=helm depName=keycloakx registryUrl=https://codecentric.github.io/helm-charts
    version: "7.1.3",
  },
  "gpu-operator": {
    // renovate: datasource=helm depName=gpu-operator registryUrl=https://helm.ngc.nvidia.com/nvidia
    version: "v24.9.2",
    kubeVersion: ">= 1.16.0-0",
  },
  "config-syncer": {
    // renovate: datasource=helm depName=config-syncer registryUrl=https://charts.appscode.com/stable/
    version: "v0.15.3",
  },
  technitium: {
    // renovate: datasource=helm depName=app-template registryUrl=https://bjw-s-labs.github.io/helm-charts
    version: "4.1.1",
    kubeVersion: ">=1.28.0-0",
  },
  mailrelay: {
    // renovate: datasource=helm depName=app-template registryUrl=https://bjw-s-labs.github.io/helm-charts
    version: "4.1.1",
    kubeVersion: ">=1.28.0-0",
  },
} as const satisfies Record<string, ChartPin>;

/** Releases that have a chart pin. */
export type PinnedRelease = keyof typeof chartVersions;

/**
 * Per-environment chart versions that differ from `chartVersions`: try a bump in `lab` first
 * (`streamforge bump <release> <version> --env lab`), then `streamforge promote lab prod`.
 * `bump` and `promote` edit these blocks in place, one entry per line.
 */
export const environmentVersions: Record<string, Partial<Record<PinnedRelease, ChartPin>>> = {
  prod: {},
  lab: {},
};

/** Container images the model sets itself (charts pin the rest). */
export const images = {
  technitium: {
    repository: "technitium/dns-server",
    // renovate: datasource=docker depName=technitium/dns-server
    version: "13.6.0",
  },
  mailrelay: {
    repository: "boky/postfix",
    // renovate: datasource=docker depName=boky/postfix
    version: "v4.4.0",
  },
  kafkaUi: {
    // The kafka-ui chart's appVersion (0.7.6 -> v0.7.2).
    repository: "provectuslabs/kafka-ui",
    // renovate: datasource=docker depName=provectuslabs/kafka-ui
    version: "v0.7.2",
  },
  postgresClient: {
    // psql of the PostgreSQL major the cluster runs (softwareVersions.postgres).
    repository: "postgres",
    // renovate: datasource=docker depName=postgres
    version: "17.6-alpine",
  },
  kaniko: {
    // The last release Google published before archiving kaniko (June 2025); `-debug` has a shell for GitLab jobs.
    repository: "gcr.io/kaniko-project/executor",
    // renovate: datasource=docker depName=gcr.io/kaniko-project/executor
    version: "v1.24.0-debug",
  },
} as const;

/** Software versions that operators deploy from the model's custom resources. */
export const softwareVersions = {
  // renovate: datasource=github-releases depName=kubernetes-sigs/kubespray
  kubespray: "v2.28.0",
  // renovate: datasource=github-releases depName=kubernetes/kubernetes extractVersion=^v(?<version>.*)$
  kubernetes: "1.32.5",
  // renovate: datasource=docker depName=apache/kafka
  kafka: "4.0.0",
  // renovate: datasource=docker depName=docker.elastic.co/elasticsearch/elasticsearch
  elasticStack: "9.1.0",
  // Not a pin Renovate may move: the PostgreSQL major the operator runs; a new major is a data migration.
  postgres: "17",
  // renovate: datasource=docker depName=arangodb/arangodb
  arangodb: "3.12.5",
} as const;
