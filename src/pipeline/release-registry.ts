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

/**
 * Releases each adapter or manifest builder looks up by name. `gateway-routes` also runs the
 * adapters of the web UIs' releases (to learn their Service names), hence the closure the check
 * takes over this table.
 */
export const RELEASE_LOOKUPS: Readonly<Record<string, readonly string[]>> = {
  "eck-operator": ["eck-elasticsearch", "eck-kibana"],
  "fluent-bit": ["eck-elasticsearch"],
  "gitlab-runner": ["gitlab-runner"],
  "kafka-ui": ["kafka-ui", "kafka-cluster"],
  keycloakx: ["keycloakx", "postgres-cluster"],
  "kube-prometheus-stack": ["kube-prometheus-stack", "eck-elasticsearch", "mailrelay", "postgres-cluster"],
  mailrelay: ["mailrelay"],
  minio: ["minio"],
  "postgres-operator": ["postgres-cluster", "minio"],
  "strimzi-kafka-operator": ["strimzi-kafka-operator", "kafka-cluster"],
  technitium: ["technitium"],
  "arangodb-deployment": ["arangodb-deployment"],
  "gateway-routes": ["traefik", "kafka-cluster", "kube-prometheus-stack", "kafka-ui", "argo-cd", "eck-kibana", "keycloakx", "vault", "minio", "technitium"],
  "kafka-cluster": ["kafka-cluster"],
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
