/**
 * What the worlds know of releases (adapter keys, the releases each adapter looks up by name), as
 * the model's meaning check takes it, and that check alone. Kept apart from `validate.ts`, whose
 * shape check loads ajv: a run whose model the fast shape check accepted never loads it.
 */
import type { Diagnostic } from "../core/diagnostics/types.ts";
import type { Platform } from "../core/model/types.ts";
import { checkSemantics, type ReleaseRegistry } from "../core/check/model-semantics.ts";
import { chartAdapters } from "../helm/charts/index.ts";
import { manifestBuilders } from "../helm/manifests/index.ts";
import { webBackends } from "../helm/charts/web-backends.ts";
import { KAFKA_ROUTES_RELEASE, uiRoutesRelease, WEB_UIS } from "../helm/manifests/gateway-routes.ts";

/**
 * Releases the gateway and each UI's route builder look up: every UI's serving release (whether
 * it is installed, and its adapter's values to learn the Service name), read from the table the
 * builders resolve, and the Kafka cluster (its TCP listener).
 */
const ROUTED_RELEASES = [...new Set([...Object.values(webBackends).map((b) => b.release), "kafka-cluster"])];

/**
 * Releases each adapter or manifest builder looks up by name, its own included. The route
 * builders also run the adapters of the web UIs' releases, hence the closure the check takes over
 * this table. test/pipeline/release-lookups.test.ts renames every release to hold it to the code.
 */
export const RELEASE_LOOKUPS: Readonly<Record<string, readonly string[]>> = {
  "eck-operator": ["eck-elasticsearch", "eck-kibana"],
  "fluent-bit": ["eck-elasticsearch"],
  // caBundle(): the CA bundle Secret lives in cert-manager's namespace.
  "argo-cd": ["cert-manager"],
  "eck-elasticsearch": ["cert-manager"],
  "gitlab-runner": ["gitlab-runner"],
  "kafka-ui": ["kafka-ui", "kafka-cluster", "cert-manager"],
  keycloakx: ["keycloakx", "postgres-cluster"],
  "kube-prometheus-stack": ["kube-prometheus-stack", "eck-elasticsearch", "mailrelay", "postgres-cluster", "cert-manager"],
  mailrelay: ["mailrelay"],
  minio: ["minio"],
  "postgres-operator": ["postgres-cluster", "minio"],
  "strimzi-kafka-operator": ["strimzi-kafka-operator", "kafka-cluster"],
  technitium: ["technitium"],
  "arangodb-deployment": ["arangodb-deployment"],
  "gateway-routes": ROUTED_RELEASES,
  ...Object.fromEntries(WEB_UIS.map((ui) => [uiRoutesRelease(ui), ROUTED_RELEASES])),
  [KAFKA_ROUTES_RELEASE]: ["kafka-cluster"],
  "kafka-cluster": ["kafka-cluster"],
  "gitlab-runner-jobs": ["gitlab-runner-jobs"],
  // The trial licence Secret lives in the operator's namespace.
  "elasticsearch-setup": ["eck-elasticsearch", "eck-operator"],
  "metallb-pools": ["metallb"],
  "postgres-cluster": ["postgres-cluster", "keycloakx", "kube-prometheus-stack"],
};

export const releaseRegistry: ReleaseRegistry = {
  valuesAdapters: Object.keys(chartAdapters),
  manifestBuilders: Object.keys(manifestBuilders),
  lookups: RELEASE_LOOKUPS,
};

/** The meaning check alone, for a model the (fast) shape check accepted. */
export function checkMeaning(platform: Platform, file: string): Diagnostic[] {
  return checkSemantics(platform, file, releaseRegistry);
}
