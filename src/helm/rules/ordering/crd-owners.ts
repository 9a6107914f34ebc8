/**
 * Which chart installs the CRDs of each API group. This is knowledge of the charts (their
 * `crds/` directories or CRD templates at the pinned versions), not of the platform, so it sits
 * beside the rules rather than in the model.
 */
export const CRD_GROUPS_BY_CHART: Readonly<Record<string, readonly string[]>> = {
  "cert-manager": ["cert-manager.io", "acme.cert-manager.io"],
  metallb: ["metallb.io"],
  traefik: ["traefik.io", "hub.traefik.io", "gateway.networking.k8s.io"],
  "strimzi-kafka-operator": ["kafka.strimzi.io", "core.strimzi.io"],
  "kube-arangodb": ["database.arangodb.com", "apps.arangodb.com", "backup.arangodb.com", "replication.database.arangodb.com", "networking.arangodb.com"],
  "postgres-operator": ["acid.zalan.do"],
  "kube-prometheus-stack": ["monitoring.coreos.com"],
  "eck-operator": ["elasticsearch.k8s.elastic.co", "kibana.k8s.elastic.co", "beat.k8s.elastic.co", "agent.k8s.elastic.co", "apm.k8s.elastic.co", "logstash.k8s.elastic.co", "stackconfigpolicy.k8s.elastic.co", "autoscaling.k8s.elastic.co", "maps.k8s.elastic.co", "enterprisesearch.k8s.elastic.co"],
  keda: ["keda.sh", "eventing.keda.sh"],
  piraeus: ["piraeus.io"],
  "secrets-store-csi-driver": ["secrets-store.csi.x-k8s.io"],
  "argo-cd": ["argoproj.io"],
  "gpu-operator": ["nvidia.com"],
  minio: ["minio.min.io", "sts.min.io"],
};

/** The chart that installs `group`'s CRDs, if any chart known here does. */
export function chartOfGroup(group: string): string | undefined {
  return Object.entries(CRD_GROUPS_BY_CHART).find(([, groups]) => groups.includes(group))?.[0];
}
