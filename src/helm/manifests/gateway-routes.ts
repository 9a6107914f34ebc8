/**
 * Routes into the cluster through Traefik (S5, S7-S11, A11).
 *
 * HTTP(S): Gateway API, standard channel only (`gateway.networking.k8s.io/v1`). One GatewayClass
 * and one Gateway in Traefik's namespace; the Gateway has one HTTPS listener per web UI host, each
 * terminating TLS with that host's certificate, which cert-manager issues from the internal CA
 * issuer into a Secret next to the Gateway. Each UI gets an HTTPRoute in its own namespace, next
 * to its Service, and each listener admits routes only from that namespace. Nothing crosses a
 * namespace boundary by reference (routes and Services share a namespace, listeners and their
 * Secrets too), so no ReferenceGrant is needed. Plain HTTP is redirected to HTTPS by Traefik's
 * `web` entry point before any route sees it.
 *
 * TCP (S11): Gateway API's TCPRoute and TLSRoute exist only in its experimental channel. The pinned
 * Traefik chart installs the standard channel only, and Traefik ignores them unless its
 * experimental-channel flag is on; mixing experimental CRDs into a cluster also ties upgrades to
 * that channel's breaking changes. Both TCP routes therefore use Traefik's own `IngressRouteTCP`
 * (`traefik.io/v1alpha1`, the kubernetesCRD provider of the standard install), each on a dedicated
 * entry point that the traefik values open on the LoadBalancer Service:
 * - `ssh` is plain TCP (`HostSNI(*)`) to the GitLab host outside the cluster (A15), reached through a
 *   selector-less Service and a hand-written EndpointSlice, so no ExternalName Service has to be
 *   allowed in Traefik.
 * - `kafka` passes TLS through to the Kafka cluster's external listener and picks the backend by
 *   SNI: the bootstrap host goes to the bootstrap Service, each broker's host to its own Service,
 *   since Kafka clients must reach the broker that leads a partition. The route lives in Kafka's
 *   namespace, so Traefik needs no cross-namespace references.
 */
import { type KubeObject, type ManifestBuilder, type ManifestContext, managedLabels } from "./kube.ts";
import type { Context } from "../../core/model/derive.ts";
import { gatewayOf, hostOf, isEnabled, kafkaExternal, releaseOf, tlsSecretOf } from "../../core/model/derive.ts";
import type { TcpRoute, WebUi } from "../../core/model/types.ts";
import { resolveWebBackend, type ResolvedWebBackend } from "../charts/web-backends.ts";
import { traefikEntryPoints } from "../charts/traefik.ts";

const GATEWAY_API = "gateway.networking.k8s.io/v1";
const TRAEFIK_API = "traefik.io/v1alpha1";
/** The controller name Traefik's Gateway provider claims GatewayClasses with. */
const TRAEFIK_GATEWAY_CONTROLLER = "traefik.io/gateway-controller";
/** Label every namespace carries with its own name (Kubernetes 1.22+), for listener selectors. */
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

const listenerName = (ui: WebUi) => `https-${ui}`;

/** Every web UI the model knows (A11), in the order of `WebUi`. */
export const WEB_UIS: readonly WebUi[] = ["kafka-ui", "prometheus", "grafana", "alertmanager", "argocd", "kibana", "keycloak", "vault", "minio", "traefik", "dns"];

/** The web UIs whose serving release is installed in this environment. */
/** Per build context: the route builder of each web UI asks for all of them. */
const served = new WeakMap<ManifestContext, ResolvedWebBackend[]>();

function servedUis(ctx: ManifestContext): ResolvedWebBackend[] {
  let found = served.get(ctx);
  if (!found) {
    const { platform, env } = ctx;
    found = (Object.keys(env.ingress.hosts) as WebUi[]).map((ui) => resolveWebBackend(ctx, ui)).filter((b) => isEnabled(env, releaseOf(platform, b.release)));
    served.set(ctx, found);
  }
  return [...found];
}

function certificate(ctx: Context, ui: WebUi, namespace: string, labels: Record<string, string>): KubeObject {
  const fqdn = hostOf(ctx.env, ui);
  return {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: { name: fqdn.replaceAll(".", "-"), namespace, labels },
    spec: {
      secretName: tlsSecretOf(fqdn),
      commonName: fqdn,
      dnsNames: [fqdn],
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: ctx.env.ingress.issuer },
    },
  };
}

function httpRoute(ctx: Context, b: ResolvedWebBackend, labels: Record<string, string>): KubeObject {
  const gateway = gatewayOf(ctx);
  const parentRefs = [
    { group: "gateway.networking.k8s.io", kind: "Gateway", name: gateway.name, namespace: gateway.namespace, sectionName: listenerName(b.ui) },
  ];
  const hostnames = [hostOf(ctx.env, b.ui)];
  if (b.backend.kind === "traefik-internal") {
    // The dashboard (S10) and the API it calls, both served by Traefik's internal service; the
    // bare host redirects to the dashboard.
    const dashboard = ctx.env.ingress.dashboardPath;
    const internal = { group: "traefik.io", kind: "TraefikService", name: b.name };
    return {
      apiVersion: GATEWAY_API,
      kind: "HTTPRoute",
      metadata: { name: b.ui, namespace: b.namespace, labels },
      spec: {
        parentRefs,
        hostnames,
        rules: [
          {
            matches: [
              { path: { type: "PathPrefix", value: dashboard } },
              { path: { type: "PathPrefix", value: "/api" } },
            ],
            backendRefs: [internal],
          },
          {
            matches: [{ path: { type: "Exact", value: "/" } }],
            filters: [
              {
                type: "RequestRedirect",
                requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: `${dashboard}/` }, statusCode: 302 },
              },
            ],
          },
        ],
      },
    };
  }
  return {
    apiVersion: GATEWAY_API,
    kind: "HTTPRoute",
    metadata: { name: b.ui, namespace: b.namespace, labels },
    spec: {
      parentRefs,
      hostnames,
      rules: [{ backendRefs: [{ name: b.name, port: b.port }] }],
    },
  };
}

/** The route to a host outside the cluster: a Service without selector plus its EndpointSlice. */
function externalTcp(ctx: Context, route: TcpRoute & { backend: { external: "gitlab" | "nfs"; port: number } }, labels: Record<string, string>): KubeObject[] {
  const { namespace } = gatewayOf(ctx);
  const host = ctx.env.external[route.backend.external];
  const name = `${route.backend.external}-${route.name}`;
  const port = { name: route.name, port: route.backend.port, protocol: "TCP" };
  return [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace, labels },
      spec: { type: "ClusterIP", ports: [{ ...port, targetPort: route.backend.port }] },
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        name,
        namespace,
        labels: { ...labels, "kubernetes.io/service-name": name, "endpointslice.kubernetes.io/managed-by": "streamforge" },
      },
      addressType: "IPv4",
      endpoints: [{ addresses: [host.ip], conditions: { ready: true } }],
      ports: [port],
    },
    {
      apiVersion: TRAEFIK_API,
      kind: "IngressRouteTCP",
      metadata: { name: route.name, namespace, labels },
      spec: {
        entryPoints: [route.name],
        routes: [{ match: "HostSNI(`*`)", services: [{ name, port: route.backend.port }] }],
      },
    },
  ];
}

function kafkaTcp(ctx: Context, route: TcpRoute, labels: Record<string, string>): KubeObject[] {
  const kafka = kafkaExternal(ctx);
  const sni = (host: string, service: string) => ({
    match: `HostSNI(\`${host}\`)`,
    services: [{ name: service, port: kafka.port }],
  });
  return [
    {
      apiVersion: TRAEFIK_API,
      kind: "IngressRouteTCP",
      metadata: { name: route.name, namespace: kafka.namespace, labels },
      spec: {
        entryPoints: [route.name],
        routes: [sni(kafka.bootstrapHost, kafka.bootstrapService), ...kafka.brokers.map((b) => sni(b.host, b.service))],
        tls: { passthrough: true },
      },
    },
  ];
}

/**
 * The Gateway and what it serves with: its class, one listener and certificate per web UI, and
 * the TCP route to hosts outside the cluster. Each UI's HTTPRoute is a release of its own
 * (`routes-<ui>`, see `uiRoutes`), so one UI that fails to install holds back only its own route.
 */
export const gatewayRoutes: ManifestBuilder = (ctx) => {
  const { env } = ctx;
  const labels = managedLabels("traefik");
  const gateway = gatewayOf(ctx);
  const uis = servedUis(ctx);

  const gatewayClass: KubeObject = {
    apiVersion: GATEWAY_API,
    kind: "GatewayClass",
    metadata: { name: gateway.className, labels },
    spec: { controllerName: TRAEFIK_GATEWAY_CONTROLLER },
  };

  const gatewayObject: KubeObject = {
    apiVersion: GATEWAY_API,
    kind: "Gateway",
    metadata: { name: gateway.name, namespace: gateway.namespace, labels },
    spec: {
      gatewayClassName: gateway.className,
      listeners: uis.map((b) => ({
        name: listenerName(b.ui),
        protocol: "HTTPS",
        port: traefikEntryPoints.websecure,
        hostname: hostOf(env, b.ui),
        tls: { mode: "Terminate", certificateRefs: [{ group: "", kind: "Secret", name: tlsSecretOf(hostOf(env, b.ui)) }] },
        allowedRoutes: {
          namespaces: {
            from: "Selector",
            selector: { matchLabels: { [NAMESPACE_NAME_LABEL]: b.namespace } },
          },
          kinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }],
        },
      })),
    },
  };

  const certificates = uis.map((b) => certificate(ctx, b.ui, gateway.namespace, labels));
  const tcp = env.ingress.tcpRoutes.flatMap((route) => {
    const { backend } = route;
    return "external" in backend ? externalTcp(ctx, { ...route, backend }, labels) : [];
  });
  return [gatewayClass, gatewayObject, ...certificates, ...tcp];
};

/** Name of the release that holds one web UI's HTTPRoute. */
export const uiRoutesRelease = (ui: WebUi): string => `routes-${ui}`;

/** Name of the release that holds the TCP routes into the Kafka cluster (S11). */
export const KAFKA_ROUTES_RELEASE = "routes-kafka";

/** One builder per web UI: its HTTPRoute, when the UI's release is installed. */
export const uiRoutes: Readonly<Record<string, ManifestBuilder>> = Object.fromEntries(
  WEB_UIS.map((ui) => [
    uiRoutesRelease(ui),
    ((ctx) => servedUis(ctx).filter((b) => b.ui === ui).map((b) => httpRoute(ctx, b, managedLabels("traefik")))) satisfies ManifestBuilder,
  ]),
);

/** The Kafka cluster's TCP route, when the cluster is installed. */
export const kafkaRoutes: ManifestBuilder = (ctx) => {
  if (!isEnabled(ctx.env, releaseOf(ctx.platform, "kafka-cluster"))) return [];
  return ctx.env.ingress.tcpRoutes.filter((r) => "kafka" in r.backend).flatMap((route) => kafkaTcp(ctx, route, managedLabels("traefik")));
};
