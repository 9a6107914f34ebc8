/**
 * Which Service serves each web UI (A11), as the chart that runs it names it. Chart services are
 * named from the release by the chart's own "fullname" rule, so each entry computes the name from
 * the release name instead of repeating it: renaming a release keeps its route valid.
 *
 * Each chart's adapter owns the truth about its Service; whoever changes a chart's service name or
 * port (a `fullnameOverride`, another port) corrects its entry here, and the gateway-routes tests
 * check that every entry names a release of the platform.
 */
import type { Platform, WebUi } from "../model/types.ts";
import { releaseOf } from "../model/derive.ts";
import { ARGOCD_FULLNAME } from "./argo-cd.ts";
import { GRAFANA_FULLNAME, KPS_FULLNAME } from "./kube-prometheus-stack.ts";
import { KAFKA_UI_FULLNAME } from "./kafka-ui.ts";
import { KIBANA_NAME } from "./eck-kibana.ts";

/** A Kubernetes Service of a chart release, reached over plain HTTP inside the cluster. */
export interface ServiceBackend {
  kind: "service";
  /** The release whose chart creates the Service. */
  release: string;
  /** The Service's name, from the release name by the chart's naming rule. */
  service: (release: string) => string;
  port: number;
}

/** A service built into Traefik itself (`api@internal` is the dashboard and its API, S10). */
export interface TraefikInternalBackend {
  kind: "traefik-internal";
  release: string;
  name: string;
}

export type WebBackend = ServiceBackend | TraefikInternalBackend;

/**
 * The chart naming rules behind the names:
 * - kube-prometheus-stack: fullname is the release name when it contains the chart name; Grafana
 *   is the subchart `<release>-grafana` (port 80), Prometheus and Alertmanager are
 *   `<fullname>-prometheus` (9090) and `<fullname>-alertmanager` (9093).
 * - kafka-ui, minio, vault, keycloakx: fullname is the release name (it contains the chart
 *   name); kafka-ui's Service listens on 80, MinIO's console on 9001 (`<fullname>-console`), Vault on
 *   8200 (`<fullname>`, all server pods; standbys forward to the active one), keycloakx's HTTP
 *   Service is `<fullname>-http` (80).
 * - argo-cd: the adapter fixes the fullname (`ARGOCD_FULLNAME`); the server is `<fullname>-server`,
 *   port 80 (plain HTTP: `server.insecure`, TLS ends at the gateway).
 * - eck-kibana: the Kibana resource is named by the fullname, and ECK names its Service `<name>-kb-http` (5601).
 * - technitium: app-template with the Service renamed by its adapter to `<release>-web` (5380).
 */
export const webBackends: Readonly<Record<WebUi, WebBackend>> = {
  // The kube-prometheus-stack, kafka-ui and eck-kibana adapters fix their fullnames (see there).
  grafana: { kind: "service", release: "kube-prometheus-stack", service: () => GRAFANA_FULLNAME, port: 80 },
  prometheus: { kind: "service", release: "kube-prometheus-stack", service: () => `${KPS_FULLNAME}-prometheus`, port: 9090 },
  alertmanager: { kind: "service", release: "kube-prometheus-stack", service: () => `${KPS_FULLNAME}-alertmanager`, port: 9093 },
  "kafka-ui": { kind: "service", release: "kafka-ui", service: () => KAFKA_UI_FULLNAME, port: 80 },
  // The argo-cd adapter sets `fullnameOverride` (the chart's default `nameOverride: argocd` would
  // otherwise give `<release>-argocd-server`), so the name does not follow the release.
  argocd: { kind: "service", release: "argo-cd", service: () => `${ARGOCD_FULLNAME}-server`, port: 80 },
  kibana: { kind: "service", release: "eck-kibana", service: () => `${KIBANA_NAME}-kb-http`, port: 5601 },
  keycloak: { kind: "service", release: "keycloakx", service: (r) => `${r}-http`, port: 80 },
  vault: { kind: "service", release: "vault", service: (r) => r, port: 8200 },
  minio: { kind: "service", release: "minio", service: (r) => `${r}-console`, port: 9001 },
  traefik: { kind: "traefik-internal", release: "traefik", name: "api@internal" },
  dns: { kind: "service", release: "technitium", service: (r) => `${r}-web`, port: 5380 },
};

/** A web UI's backend resolved against a platform: where its HTTPRoute lives and points. */
export interface ResolvedWebBackend {
  ui: WebUi;
  release: string;
  namespace: string;
  backend: WebBackend;
  /** The Service name (or Traefik's internal service name). */
  name: string;
}

export function resolveWebBackend(platform: Platform, ui: WebUi): ResolvedWebBackend {
  const backend = webBackends[ui];
  const release = releaseOf(platform, backend.release);
  const name = backend.kind === "service" ? backend.service(release.name) : backend.name;
  return { ui, release: release.name, namespace: release.namespace, backend, name };
}
