/**
 * The contract of each chart adapter (see `contract.ts`): for the values the adapter writes, what
 * the chart at its pinned version renders and creates, what it refers to by name, what storage it
 * claims and how it trusts the platform CA. Each entry cites the chart templates it is read from
 * in the commit that adds it; an entry follows its adapter when the adapter changes.
 *
 * Generic Kubernetes references inside values (`secretKeyRef`, `secret.secretName`, ...) are
 * found by the reference rule itself; entries here name the chart-specific keys only.
 */
import type { Values } from "./adapter.ts";
import type { Claim, Contract, KindRef, Provided, ReleaseContract } from "./contract.ts";
import { namespaceOf } from "../../core/model/derive.ts";
import { minioLayout } from "./minio.ts";
import { KEYCLOAK_FULLNAME } from "./keycloakx.ts";
import { chartFullname, webBackends } from "./web-backends.ts";
import type { WebUi } from "../../core/model/types.ts";
import { settingsOf } from "../../core/model/components.ts";

const MONITORING = "monitoring.coreos.com";
const ECK_GROUPS = ["elasticsearch.k8s.elastic.co", "kibana.k8s.elastic.co"];

/** The value at a JSON-pointer-like path of plain keys. */
function valueAt(values: unknown, ...path: string[]): unknown {
  let node = values;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const enabled = (values: unknown, ...path: string[]) => valueAt(values, ...path) === true;

/** The Service a web UI's chart creates, as `web-backends.ts` names it from the release and values. */
function webService(ui: WebUi, release: { name: string; namespace: string }, values: Values): Provided[] {
  const backend = webBackends[ui];
  if (backend.kind !== "service") return [];
  const port = backend.port(values);
  return [{ kind: "Service", namespace: release.namespace, name: backend.service(release.name, values), ...(Number.isFinite(port) ? { ports: [port] } : {}) }];
}

const claim = (what: string, storageClass: string, size: string, count: number, modelPath: Array<string | number>): Claim => ({ what, storageClass, size, count, modelPath });

function kinds(group: string, ...names: string[]): KindRef[] {
  return names.map((kind) => ({ group, kind }));
}

export const chartContracts: Readonly<Record<string, Contract>> = {
  // cert-manager's webhook validates every cert-manager.io object (templates/webhook-validating-webhook.yaml).
  "cert-manager": () => ({ validates: ["cert-manager.io", "acme.cert-manager.io"] }),
  // MetalLB's webhooks validate its pools and advertisements (templates/webhooks.yaml).
  metallb: () => ({ validates: ["metallb.io"] }),
  traefik: ({ env }) => {
    const t = settingsOf(env, "traefik");
    // One `/data` volume shared by every replica (RWX on NFS, S9).
    return { claims: [claim("Traefik ACME storage", t.acmeStorage.storageClass, t.acmeStorage.size, 1, ["components", "traefik", "acmeStorage", "size"])] };
  },
  // Piraeus' operator validates its own resources (piraeus-operator charts/piraeus/templates/validating-webhook-configuration.yaml).
  "piraeus-operator": () => ({ validates: ["piraeus.io"] }),
  // The linstor-cluster chart renders a LinstorCluster and one LinstorSatelliteConfiguration per entry
  // (piraeusdatastore/helm-charts charts/linstor-cluster/templates/linstorcluster.yaml,
  // linstorsatelliteconfiguration.yaml); `monitoring.enabled` adds monitors (templates/monitoring.yaml).
  "linstor-cluster": (_ctx, values) => ({
    creates: storageClassesOf(valueAt(values, "storageClasses")),
    renders: [
      ...kinds("piraeus.io", "LinstorCluster"),
      ...(Array.isArray(valueAt(values, "linstorSatelliteConfigurations")) ? kinds("piraeus.io", "LinstorSatelliteConfiguration") : []),
      ...(enabled(values, "monitoring", "enabled") ? kinds(MONITORING, "ServiceMonitor", "PodMonitor", "PrometheusRule") : []),
    ],
  }),
  // The provisioner's class (templates/storageclass.yaml) is `storageClass.name`.
  "nfs-subdir-external-provisioner": (_ctx, values) => ({ creates: storageClassesOf([valueAt(values, "storageClass")]) }),
  minio: ({ env }, values, release) => {
    const spec = settingsOf(env, "minio");
    const { drivesPerNode } = minioLayout(spec.replicas);
    const fullname = chartFullname(release.name, "minio", values);
    return {
      // templates/_helpers.tpl reads `rootUser` and `rootPassword` from `existingSecret`.
      refers: [{ kind: "Secret", at: "/existingSecret", keys: ["rootUser", "rootPassword"] }],
      creates: [{ kind: "Service", namespace: release.namespace, name: fullname, ports: [9000] }, ...webService("minio", release, values)],
      claims: [claim("MinIO drives", spec.storageClass, spec.size, spec.replicas * drivesPerNode, ["components", "minio", "size"])],
    };
  },
  "postgres-operator": ({ platform }) => ({
    // The logical backup CronJob runs in the cluster's namespace and reads its environment from this Secret.
    refers: [{ kind: "Secret", at: "/configLogicalBackup/logical_backup_cronjob_environment_secret", namespace: namespaceOf(platform, "postgres-cluster") }],
  }),
  // keda's chart renders a ServiceMonitor per component whose `serviceMonitor.enabled` is set
  // (kedacore/charts v2.17.2 keda/templates/manager/servicemonitor.yaml, metrics-server/servicemonitor.yaml).
  keda: (_ctx, values) => ({
    renders: enabled(values, "prometheus", "operator", "serviceMonitor", "enabled") || enabled(values, "prometheus", "metricServer", "serviceMonitor", "enabled") ? kinds(MONITORING, "ServiceMonitor") : [],
  }),
  // Kafka UI is a JVM: its init container imports the CA bundle into a truststore that
  // JAVA_TOOL_OPTIONS points the JVM at, for the Keycloak issuer it calls.
  "kafka-ui": (_ctx, values, release) => ({
    creates: webService("kafka-ui", release, values),
    trustsPlatformCa: [{ key: "value", contains: "-Djavax.net.ssl.trustStore=" }],
  }),
  "kube-prometheus-stack": ({ env, platform }, values, release) => {
    const mon = settingsOf(env, "monitoring");
    return {
      renders: kinds(MONITORING, "Prometheus", "Alertmanager", "ServiceMonitor", "PrometheusRule"),
      // The operator's admission webhook (on unless `prometheusOperator.admissionWebhooks.enabled` is false)
      // validates PrometheusRules and AlertmanagerConfigs.
      validates: valueAt(values, "prometheusOperator", "admissionWebhooks", "enabled") === false ? [] : [MONITORING],
      refers: [
        { kind: "Secret", at: "/grafana/admin/existingSecret", keys: ["admin-user", "admin-password"] },
        { kind: "Secret", at: "/alertmanager/alertmanagerSpec/secrets", list: true },
        ...datasourceRoles(values, namespaceOf(platform, "postgres-cluster")),
        { kind: "ConfigMap", at: "/alertmanager/alertmanagerSpec/configMaps", list: true },
        // Grafana's chart mounts these by name (grafana templates/_pod.tpl).
        ...listed(values, ["grafana", "extraSecretMounts"], "secretName", "Secret"),
        ...listed(values, ["grafana", "extraConfigmapMounts"], "configMap", "ConfigMap"),
      ],
      creates: [...webService("grafana", release, values), ...webService("prometheus", release, values), ...webService("alertmanager", release, values)],
      claims: [
        claim("Prometheus", mon.prometheus.storageClass, mon.prometheus.size, 1, ["components", "monitoring", "prometheus", "size"]),
        claim("Alertmanager", mon.alertmanager.storageClass, mon.alertmanager.size, 1, ["components", "monitoring", "alertmanager", "size"]),
        claim("Grafana", mon.grafana.storageClass, mon.grafana.size, 1, ["components", "monitoring", "grafana", "size"]),
      ],
      trustsPlatformCa: [{ key: "tls_client_ca" }],
    };
  },
  "eck-operator": () => ({ validates: ECK_GROUPS }),
  "eck-elasticsearch": ({ env }, values, release) => {
    const es = settingsOf(env, "logging").elasticsearch;
    const name = chartFullname(release.name, "eck-elasticsearch", values);
    const secureSettings = valueAt(values, "secureSettings");
    return {
      renders: kinds("elasticsearch.k8s.elastic.co", "Elasticsearch"),
      refers: Array.isArray(secureSettings)
        ? secureSettings.flatMap((_s, i) => [{ kind: "Secret" as const, at: `/secureSettings/${i}/secretName`, keyAt: `/secureSettings/${i}/entries/0/key` }])
        : [],
      // ECK names an Elasticsearch's Services and Secrets after it (pkg/controller/elasticsearch/...).
      creates: elasticsearchCreates(name, release.namespace),
      claims: [claim("Elasticsearch data", es.storageClass, es.size, es.nodes, ["components", "logging", "elasticsearch", "size"])],
      trustsPlatformCa: [{ key: /\.ssl\.certificate_authorities$/ }],
    };
  },
  "eck-kibana": (_ctx, values, release) => ({ renders: kinds("kibana.k8s.elastic.co", "Kibana"), creates: webService("kibana", release, values) }),
  "gitlab-runner": ({ env }, _values, release) => {
    return {
      refers: [
        { kind: "Secret", at: "/certsSecretName", keys: [`${env.external.gitlab.fqdn}.crt`] },
        { kind: "Secret", at: "/runners/secret", keys: ["runner-token"] },
        // Job pods (the TOML config) run as this account and mount these volumes.
        { kind: "ServiceAccount", at: "/runners/config", pattern: /^\s*service_account = "([^"]+)"/gm },
        { kind: "PersistentVolumeClaim", at: "/runners/config", pattern: /\[\[runners\.kubernetes\.volumes\.pvc\]\]\s*name = "([^"]+)"/g },
        { kind: "Secret", at: "/runners/config", pattern: /\[\[runners\.kubernetes\.volumes\.secret\]\]\s*name = "([^"]+)"/g },
        { kind: "ConfigMap", at: "/runners/config", pattern: /\[\[runners\.kubernetes\.volumes\.config_map\]\]\s*name = "([^"]+)"/g },
      ],
      creates: [{ kind: "ServiceAccount", namespace: release.namespace, name: chartFullname(release.name, "gitlab-runner", {}) }],
    };
  },
  "argo-cd": (_ctx, values, release) => ({
    // `$<secret>:<key>` in argocd-cm reads that key of a Secret in Argo CD's namespace (util/settings).
    refers: [{ kind: "Secret", at: "/configs/cm/oidc.config", pattern: /\$([a-z0-9][a-z0-9.-]*):([A-Za-z0-9._-]+)/g }],
    creates: webService("argocd", release, values),
    trustsPlatformCa: [{ key: "oidc.config", contains: "rootCA" }],
  }),
  vault: ({ env }, values, release) => {
    const v = settingsOf(env, "vault");
    return {
      creates: webService("vault", release, values),
      claims: [claim("Vault Raft storage", v.storageClass, v.size, v.replicas, ["components", "vault", "size"])],
    };
  },
  keycloakx: ({ platform }, values, release) => {
    const secrets = valueAt(values, "secrets");
    return {
      refers: [
        { kind: "Secret", at: "/database/existingSecret", keyAt: "/database/existingSecretKey" },
        { kind: "PostgresRole", at: "/database/username", namespace: namespaceOf(platform, "postgres-cluster") },
      ],
      // keycloakx-7.1.3 charts/keycloakx/templates/secrets.yaml: one Secret `<fullname>-<key>` per entry of `secrets`.
      creates: [
        ...(secrets && typeof secrets === "object" ? Object.keys(secrets).map((key) => ({ kind: "Secret" as const, namespace: release.namespace, name: `${KEYCLOAK_FULLNAME}-${key}` })) : []),
        ...webService("keycloak", release, values),
      ],
    };
  },
  // The GPU operator's chart renders its ClusterPolicy (templates/clusterpolicy.yaml), served by its own CRDs.
  "gpu-operator": () => ({ renders: kinds("nvidia.com", "ClusterPolicy") }),
  technitium: ({ env }, values, release) => ({
    refers: [{ kind: "Secret", at: "/persistence/admin-password/name", keys: ["password"] }],
    creates: webService("dns", release, values),
    claims: [claim("Technitium configuration", settingsOf(env, "dns").storageClass, settingsOf(env, "dns").size, 1, ["components", "dns", "size"])],
  }),
  mailrelay: ({ env }, _values, release) => ({
    creates: [{ kind: "Service", namespace: release.namespace, name: "mailrelay", ports: [settingsOf(env, "mail").port] }],
  }),
};

/** A reference per entry of a list of objects, each naming the object in `field`. */
function listed(values: Values, path: string[], field: string, kind: "Secret" | "ConfigMap"): Array<{ kind: "Secret" | "ConfigMap"; at: string }> {
  const list = valueAt(values, ...path);
  return Array.isArray(list) ? list.map((_e, i) => ({ kind, at: `/${path.join("/")}/${i}/${field}` })) : [];
}

function storageClassesOf(list: unknown): Provided[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => (typeof valueAt(c, "name") === "string" ? [{ kind: "StorageClass" as const, namespace: "", name: valueAt(c, "name") as string }] : []));
}

/** The roles Grafana's PostgreSQL data sources log in as (`additionalDataSources[].user`). */
function datasourceRoles(values: Values, namespace: string): ReleaseContract["refers"] & object {
  const sources = valueAt(values, "grafana", "additionalDataSources");
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s, i) => (valueAt(s, "type") === "postgres" || valueAt(s, "type") === "grafana-postgresql-datasource" ? [{ kind: "PostgresRole" as const, at: `/grafana/additionalDataSources/${i}/user`, namespace }] : []));
}

/** What ECK creates for an Elasticsearch named `name`: its HTTP Service, the `elastic` user and the public HTTP CA. */
export function elasticsearchCreates(name: string, namespace: string): Provided[] {
  return [
    { kind: "Service", namespace, name: `${name}-es-http`, ports: [9200] },
    { kind: "Secret", namespace, name: `${name}-es-elastic-user`, keys: ["elastic"] },
    { kind: "Secret", namespace, name: `${name}-es-http-certs-public`, keys: ["ca.crt", "tls.crt"] },
  ];
}
