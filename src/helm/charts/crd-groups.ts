/**
 * Which chart installs the CRDs of each API group. This is knowledge of the charts (their
 * `crds/` directories or CRD templates at the pinned versions), not of the platform.
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

/** The charts installing each group's CRDs, in the order above: rules ask per release, group and environment. */
const CHARTS_BY_GROUP: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [chart, groups] of Object.entries(CRD_GROUPS_BY_CHART)) {
    for (const group of groups) {
      const list = out.get(group);
      if (list) list.push(chart);
      else out.set(group, [chart]);
    }
  }
  return out;
})();

/** Every chart that installs `group`'s CRDs, in the order of `CRD_GROUPS_BY_CHART`. */
export function chartsOfGroup(group: string): readonly string[] {
  return CHARTS_BY_GROUP.get(group) ?? [];
}

/** The chart that installs `group`'s CRDs, if any chart known here does. */
export function chartOfGroup(group: string): string | undefined {
  return chartsOfGroup(group)[0];
}
