/**
 * Which Service serves each web UI (A11), as the chart that runs it names it. A chart names its
 * Services from the release by its "fullname" rule, which the release's own values can change
 * (`fullnameOverride`, `nameOverride`), so each entry computes the name from the release name and
 * the values its adapter generates, instead of repeating a name: renaming a release or overriding
 * a chart's fullname keeps the route valid.
 *
 * Each chart's adapter owns the truth about its Service; whoever changes a chart's Service port or
 * naming in a way the entry does not follow corrects the entry here. `test/manifests` checks that
 * every entry names a release of the platform.
 *
 * The values come from the release emitter, which runs each adapter once per environment.
 *
 * Backends are plain HTTP inside the cluster: TLS ends at the Gateway (S7). Charts that serve HTTPS
 * by default (ECK's Kibana, Vault, Argo CD) are configured by their adapters to serve HTTP.
 */
import type { WebUi } from "../../core/model/types.ts";
import { releaseOf } from "../../core/model/derive.ts";
import type { Values } from "./adapter.ts";
import type { ManifestContext } from "../manifests/kube.ts";

/** A Kubernetes Service of a chart release. */
export interface ServiceBackend {
  kind: "service";
  /** The release whose chart creates the Service. */
  release: string;
  /** The Service's name, from the release name and its values by the chart's naming rule. */
  service: (release: string, values: Values) => string;
  port: (values: Values) => number;
}

/** A service built into Traefik itself (`api@internal` is the dashboard and its API, S10). */
export interface TraefikInternalBackend {
  kind: "traefik-internal";
  release: string;
  name: string;
}

export type WebBackend = ServiceBackend | TraefikInternalBackend;

/** A value at a dotted path of a values object, if it is a non-empty string or a number. */
function at(values: unknown, path: string): string | number | undefined {
  let node: unknown = values;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "string" && node !== "" ? node : typeof node === "number" ? node : undefined;
}

/**
 * Helm's common fullname rule: `fullnameOverride`, else the release name when it contains the
 * chart name (or `nameOverride`), else `<release>-<name>`; at most 63 characters.
 */
export function chartFullname(release: string, chart: string, values: unknown, defaults: { nameOverride?: string; maxLength?: number } = {}): string {
  const override = at(values, "fullnameOverride");
  const name = String(at(values, "nameOverride") ?? defaults.nameOverride ?? chart);
  const full = override !== undefined ? String(override) : release.includes(name) ? release : `${release}-${name}`;
  return full.slice(0, defaults.maxLength ?? 63).replace(/-+$/, "");
}

const fixed = (port: number) => () => port;

/**
 * The naming rules behind the entries:
 * - kube-prometheus-stack: fullname cut to 26 characters; `<fullname>-prometheus` (9090) and
 *   `<fullname>-alertmanager` (9093); Grafana is its subchart, named by `grafana.fullnameOverride`
 *   or `<release>-grafana` (80).
 * - kafka-ui (80), vault (8200): the fullname. keycloakx: `<fullname>-http` (80). MinIO's console:
 *   `<fullname>-console` (9001). Argo CD's server: `<fullname>-server` (80), where the chart's
 *   default `nameOverride` is `argocd`.
 * - eck-kibana: the Kibana resource is named by the fullname and ECK names its Service
 *   `<name>-kb-http` (5601).
 * - technitium (app-template): its adapter names the console Service (`service.web`).
 */
export const webBackends: Readonly<Record<WebUi, WebBackend>> = {
  grafana: {
    kind: "service",
    release: "kube-prometheus-stack",
    service: (r, v) => String(at(v, "grafana.fullnameOverride") ?? chartFullname(r, "grafana", {})),
    port: fixed(80),
  },
  prometheus: {
    kind: "service",
    release: "kube-prometheus-stack",
    service: (r, v) => `${chartFullname(r, "kube-prometheus-stack", v, { maxLength: 26 })}-prometheus`,
    port: fixed(9090),
  },
  alertmanager: {
    kind: "service",
    release: "kube-prometheus-stack",
    service: (r, v) => `${chartFullname(r, "kube-prometheus-stack", v, { maxLength: 26 })}-alertmanager`,
    port: fixed(9093),
  },
  "kafka-ui": { kind: "service", release: "kafka-ui", service: (r, v) => chartFullname(r, "kafka-ui", v), port: fixed(80) },
  argocd: {
    kind: "service",
    release: "argo-cd",
    service: (r, v) => `${chartFullname(r, "argo-cd", v, { nameOverride: "argocd" })}-server`,
    port: fixed(80),
  },
  kibana: { kind: "service", release: "eck-kibana", service: (r, v) => `${chartFullname(r, "eck-kibana", v)}-kb-http`, port: fixed(5601) },
  keycloak: { kind: "service", release: "keycloakx", service: (r, v) => `${chartFullname(r, "keycloakx", v)}-http`, port: fixed(80) },
  vault: { kind: "service", release: "vault", service: (r, v) => chartFullname(r, "vault", v), port: fixed(8200) },
  minio: { kind: "service", release: "minio", service: (r, v) => `${chartFullname(r, "minio", v)}-console`, port: fixed(9001) },
  traefik: { kind: "traefik-internal", release: "traefik", name: "api@internal" },
  dns: {
    kind: "service",
    release: "technitium",
    service: (r, v) => String(at(v, "service.web.forceRename") ?? `${r}-web`),
    port: (v) => Number(at(v, "service.web.ports.http.port")),
  },
};

/** A web UI's backend resolved against a platform: where its HTTPRoute lives and points. */
export interface ResolvedWebBackend {
  ui: WebUi;
  release: string;
  namespace: string;
  backend: WebBackend;
  /** The Service name (or Traefik's internal service name). */
  name: string;
  /** The Service port (absent for Traefik's internal service). */
  port?: number;
}

/** Resolves a web UI's backend in one environment, from the values its release gets there. */
export function resolveWebBackend(ctx: ManifestContext, ui: WebUi): ResolvedWebBackend {
  const backend = webBackends[ui];
  const release = releaseOf(ctx.platform, backend.release);
  const base = { ui, release: release.name, namespace: release.namespace, backend };
  if (backend.kind === "traefik-internal") return { ...base, name: backend.name };
  const values = ctx.values.get(release.name) ?? {};
  return { ...base, name: backend.service(release.name, values), port: backend.port(values) };
}
