/**
 * The CRDs whose kinds the platform's manifests use (or may use next), by source file in the
 * reference tree of the pinned versions, and the kinds kept from each. `schema crds --pinned`
 * converts exactly these into `schema/crds/`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FileRecord } from "../files.ts";
import { crdSchemasOf, type CrdSchema } from "./crds.ts";
import { schemaText } from "./json.ts";

export const CRD_SCHEMAS_COMMAND = "npm run schema:crds";

export interface CrdSource {
  /** Path under the reference root. */
  file: string;
  kinds: string[];
}

export const PINNED_CRDS: readonly CrdSource[] = [
  { file: "crds/metallb/v0.14.9/config/crd/bases/metallb.io_ipaddresspools.yaml", kinds: ["IPAddressPool"] },
  { file: "crds/metallb/v0.14.9/config/crd/bases/metallb.io_l2advertisements.yaml", kinds: ["L2Advertisement"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-issuers.yaml", kinds: ["Issuer"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-clusterissuers.yaml", kinds: ["ClusterIssuer"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-certificates.yaml", kinds: ["Certificate"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-certificaterequests.yaml", kinds: ["CertificateRequest"] },
  // The Gateway API release Traefik 36.1.0 installs (v1.2.1, standard channel).
  { file: "crds/traefik/traefik-helm-chart-v36.1.0/traefik/crds/gateway-standard-install.yaml", kinds: ["GatewayClass", "Gateway", "HTTPRoute", "GRPCRoute", "ReferenceGrant"] },
  ...["ingressroutes", "ingressroutetcps", "ingressrouteudps", "middlewares", "middlewaretcps", "serverstransports", "serverstransporttcps", "tlsoptions", "tlsstores", "traefikservices"].map((name) => ({
    file: `crds/traefik/traefik-helm-chart-v36.1.0/traefik/crds/traefik.io_${name}.yaml`,
    kinds: [] as string[],
  })),
  { file: "crds/strimzi/0.47.0/install/cluster-operator/040-Crd-kafka.yaml", kinds: ["Kafka"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/041-Crd-kafkaconnect.yaml", kinds: ["KafkaConnect"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/043-Crd-kafkatopic.yaml", kinds: ["KafkaTopic"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/044-Crd-kafkauser.yaml", kinds: ["KafkaUser"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/045-Crd-kafkanodepool.yaml", kinds: ["KafkaNodePool"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/047-Crd-kafkaconnector.yaml", kinds: ["KafkaConnector"] },
  { file: "crds/postgres-operator/v1.14.0/manifests/postgresql.crd.yaml", kinds: ["postgresql"] },
  // The operator's validation schema (the chart's CRD accepts anything; see reference SOURCES.md).
  { file: "crds/kube-arangodb/1.3.0/built/arangodeployment-crd-with-validation-schema.yaml", kinds: ["ArangoDeployment"] },
  // `kustomize build` of KEDA's CRDs, as the release manifests ship them.
  { file: "crds/keda/v2.17.2/built/keda-crds-kustomize-patched.yaml", kinds: ["ScaledObject", "ScaledJob", "TriggerAuthentication", "ClusterTriggerAuthentication"] },
  { file: "crds/eck/v3.1.0/config/crds/v1/all-crds.yaml", kinds: ["Elasticsearch", "Kibana"] },
  { file: "crds/secrets-store-csi-driver/v1.5.3/config/crd/bases/secrets-store.csi.x-k8s.io_secretproviderclasses.yaml", kinds: ["SecretProviderClass"] },
  { file: "crds/prometheus-operator/v0.82.0/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml", kinds: ["ServiceMonitor"] },
  { file: "crds/prometheus-operator/v0.82.0/example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml", kinds: ["PodMonitor"] },
  { file: "crds/prometheus-operator/v0.82.0/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml", kinds: ["PrometheusRule"] },
  { file: "crds/piraeus-operator/v2.6.0/config/crd/bases/piraeus.io_linstorclusters.yaml", kinds: ["LinstorCluster"] },
  { file: "crds/piraeus-operator/v2.6.0/config/crd/bases/piraeus.io_linstorsatelliteconfigurations.yaml", kinds: ["LinstorSatelliteConfiguration"] },
  { file: "crds/argo-cd/v3.0.12/manifests/crds/application-crd.yaml", kinds: ["Application"] },
  { file: "crds/argo-cd/v3.0.12/manifests/crds/appproject-crd.yaml", kinds: ["AppProject"] },
];

/** The committed text of one CRD schema. */
export function crdSchemaText(crd: CrdSchema, command: string, source: string): string {
  const note = crd.droppedPatterns.length ? `; Go-only patterns dropped: ${crd.droppedPatterns.join(" ")}` : "";
  return schemaText(crd.schema, command, `from ${crd.kind} ${crd.version} in ${source}${note}`);
}

/** Schemas of CRD files (kinds filtered when `kinds` is non-empty), as records under `outDir`. */
export function crdRecords(files: Array<{ path: string; text: string; kinds?: readonly string[]; label?: string }>, outDir: string, command: string): FileRecord[] {
  const records = new Map<string, FileRecord>();
  for (const file of files) {
    const kinds = file.kinds?.length ? new Set(file.kinds) : undefined;
    for (const crd of crdSchemasOf(file.text, kinds)) {
      records.set(crd.path, { path: `${outDir}/${crd.path}`, content: crdSchemaText(crd, command, file.label ?? file.path) });
    }
  }
  return [...records.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The pinned CRD schemas, read from `reference`, as records under `schema/crds`. */
export function pinnedCrdRecords(reference: string): FileRecord[] {
  return crdRecords(
    PINNED_CRDS.map((source) => ({ path: join(reference, source.file), text: readFileSync(join(reference, source.file), "utf8"), kinds: source.kinds, label: source.file })),
    "schema/crds",
    CRD_SCHEMAS_COMMAND,
  );
}
