/**
 * The small platform this team runs its own tools on, with one release the package does not know:
 * podinfo, the status page of the orders team. Its adapter is typed by `PodinfoValues` (a key the
 * chart does not have fails `npm run typecheck`) and its values are checked by `npm run
 * lint:platform` against `schemas/podinfo-6.9.1.schema.json`.
 *
 * `npm run gen:platform` writes the files below `platform/`; `npm run check:platform` and
 * `npm run lint:platform` check them.
 */
import { type Platform, defineAdapter, extendPlatform, prod, streamforge } from "@streamforge/platform";

/** The podinfo values this repository sets (the keys of its schema). */
interface PodinfoValues {
  replicaCount?: number;
  logLevel?: "debug" | "info" | "warn" | "error";
  cache?: string;
  ui?: { color?: string; message?: string };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
  tls?: { enabled?: boolean; secretName?: string; certPath?: string; port?: number };
  certificate?: { create?: boolean; issuerRef?: { kind: "Issuer" | "ClusterIssuer"; name: string }; dnsNames?: string[] };
  extraEnvs?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }>;
}

/** The release: the chart names its Service after it, so its in-cluster DNS names follow from these. */
const release = { name: "podinfo", namespace: "orders-tools" } as const;
const serviceHost = `${release.name}.${release.namespace}.svc`;

const podinfo = defineAdapter<PodinfoValues>({
  name: "podinfo",
  values: ({ env }) => ({
    // One replica per worker: the page stays up while a node drains.
    replicaCount: env.nodes.filter((node) => node.role === "worker").length,
    logLevel: "info",
    ui: { color: "#34577c", message: `orders status on ${env.domain}` },
    resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "64Mi" } },
    // HTTPS on 9899 with a certificate from the platform's CA; the chart's Certificate writes the
    // key pair into the Secret the pod mounts (podinfo-tls).
    tls: { enabled: true },
    certificate: { create: true, issuerRef: { kind: "ClusterIssuer", name: env.ingress.issuer }, dnsNames: [serviceHost, `${serviceHost}.cluster.local`] },
    // The orders API token the status page shows the health of the API with: made by a person.
    extraEnvs: [{ name: "ORDERS_API_TOKEN", valueFrom: { secretKeyRef: { name: "orders-api-token", key: "token" } } }],
  }),
  schema: new URL("./schemas/podinfo-6.9.1.schema.json", import.meta.url),
  contract: ({ release, values }) => ({
    // What the chart makes (charts/podinfo/templates/service.yaml: a Service named like the release,
    // HTTP on service.externalPort, gRPC on service.grpcPort), so lint can resolve a route or a
    // client that names it, and check the port it asks for.
    creates: [{ kind: "Service", name: release.name, ports: [9898, 9999] }],
    // templates/certificate.yaml: a cert-manager Certificate when certificate.create is set, so
    // podinfo is installed after cert-manager (its CRD and its webhook).
    renders: values.certificate?.create ? [{ group: "cert-manager.io", kind: "Certificate" }] : [],
    prerequisites: [{ kind: "Secret", name: "orders-api-token", purpose: "the orders API token the status page calls the API with", keys: [{ key: "token", holds: "an API token of the orders service" }] }],
  }),
});

/** The platform's releases this team keeps (certificates and LoadBalancer addresses). */
const keep: ReadonlySet<string> = new Set(["cert-manager", "cert-manager-issuers", "metallb", "metallb-pools"]);
const pick = <T>(record: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(record).filter(([name]) => keep.has(name)));

const base: Platform = {
  name: "orders-tools",
  commands: { gen: "npm run gen:platform", check: "npm run check:platform" },
  defaultEnvironment: "prod",
  repositories: { jetstack: streamforge.repositories.jetstack ?? "", metallb: streamforge.repositories.metallb ?? "" },
  releases: streamforge.releases.filter((release) => keep.has(release.name)),
  // Versions are pinned for this platform's releases only (a pin for another is a model error).
  // One control plane and two workers of prod's machines are enough for these tools; of the
  // components' settings only the DNS zone's are needed (no release here reads the others).
  environments: [{ ...prod, nodes: [...prod.nodes.filter((node) => node.role !== "worker").slice(0, 1), ...prod.nodes.filter((node) => node.role === "worker").slice(0, 2)], versions: pick(prod.versions), components: { dns: prod.components.dns }, storageClasses: prod.storageClasses.filter((sc) => sc.name !== "glusterfs") }],
  chartFacts: pick(streamforge.chartFacts ?? {}),
};

const platform: Platform = extendPlatform(base, [
  {
    ...release,
    chart: { repository: { alias: "podinfo", url: "https://stefanprodan.github.io/podinfo" }, name: "podinfo", version: "6.9.1" },
    adapter: podinfo,
  },
]);

export default platform;
