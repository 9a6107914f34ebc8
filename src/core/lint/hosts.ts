/**
 * Hosts the platform serves and the TLS that protects them, found in manifests (Ingress,
 * Gateway API routes, Traefik IngressRoutes, Gateways, Certificates) and chart values (ingress
 * blocks, Traefik `matchRule`s).
 */
import { toPointer, pointerSegments } from "../diagnostics/locate.ts";
import { isObject, type KubeDoc, type RuleContext, type Site } from "./context.ts";

interface ServedHost {
  host: string;
  site: Site;
  /** `route`: traffic is routed for this host; `tls`: only a certificate or listener names it. */
  role: "route" | "tls";
  /** Identifies the object or values block, so one object naming a host twice is one use. */
  owner: string;
}

/** A values block or object that routes hosts, and what it says about TLS. */
interface Endpoint {
  site: Site;
  hosts: string[];
  /** TLS is configured (a tls block, a listener with certificates, ...). */
  tls: boolean;
  /** TLS secret names it uses. */
  secrets: string[];
  /** Issuers named by cert-manager annotations on it. */
  issuers: Array<{ name: string; cluster: boolean; site: Site }>;
  what: string;
}

const HOST_RULE = /Host(?:SNI)?\(([^)]*)\)/g;

/** Host names in a Traefik rule: Host(`a`) || HostSNI(`b`). */
function hostsInRule(rule: string): string[] {
  const out: string[] = [];
  for (const match of rule.matchAll(HOST_RULE)) {
    for (const quoted of (match[1] ?? "").matchAll(/[`"']([^`"']+)[`"']/g)) if (quoted[1] && quoted[1] !== "*") out.push(quoted[1]);
  }
  return out;
}

function sub(site: Site, ...segments: Array<string | number>): Site {
  return { ...site, pointer: toPointer([...pointerSegments(site.pointer), ...segments]) };
}

function annotationIssuers(metaOrValues: unknown, site: Site): Endpoint["issuers"] {
  const annotations = isObject(metaOrValues) && isObject(metaOrValues.annotations) ? metaOrValues.annotations : {};
  const out: Endpoint["issuers"] = [];
  for (const [key, cluster] of [["cert-manager.io/cluster-issuer", true], ["cert-manager.io/issuer", false]] as const) {
    const name = annotations[key];
    if (typeof name === "string") out.push({ name, cluster, site: sub(site, "annotations", key) });
  }
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function tlsSecrets(tls: unknown): string[] {
  if (Array.isArray(tls)) return tls.flatMap((t) => (isObject(t) && typeof t.secretName === "string" ? [t.secretName] : []));
  if (isObject(tls) && typeof tls.secretName === "string") return [tls.secretName];
  return [];
}

function tlsOn(tls: unknown): boolean {
  if (Array.isArray(tls)) return tls.length > 0;
  if (isObject(tls)) return tls.enabled !== false;
  return tls === true;
}

function kubeEndpoints(doc: KubeDoc): Endpoint[] {
  const { object, kind } = doc;
  const spec = isObject(object.spec) ? object.spec : {};
  const meta = isObject(object.metadata) ? object.metadata : {};
  const metaSite = sub(doc, "metadata");
  const issuers = annotationIssuers(meta, metaSite);
  const name = `${kind} ${String(meta.name)}`;
  if (kind === "Ingress") {
    const hosts = (Array.isArray(spec.rules) ? spec.rules : []).flatMap((r) => (isObject(r) && typeof r.host === "string" ? [r.host] : []));
    return [{ site: doc, hosts, tls: tlsOn(spec.tls), secrets: tlsSecrets(spec.tls), issuers, what: name }];
  }
  if (kind === "IngressRoute") {
    const hosts = (Array.isArray(spec.routes) ? spec.routes : []).flatMap((r) => (isObject(r) && typeof r.match === "string" ? hostsInRule(r.match) : []));
    const tls = isObject(spec.tls) ? spec.tls : undefined;
    return [{ site: doc, hosts, tls: tls !== undefined, secrets: tlsSecrets(tls), issuers, what: name }];
  }
  return [];
}

/** Ingress-like blocks in chart values: an object under a key containing "ingress" with hosts. */
function valuesEndpoints(ctx: RuleContext): Endpoint[] {
  const out: Endpoint[] = [];
  // The context's one walk of the deployed files, in the same order (file, document, depth first).
  const visits = ctx.values();
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const { value, key, file } = visit;
    if (file.kind !== "values" || !isObject(value) || typeof key !== "string" || !/ingress/i.test(key) || value.enabled === false) continue;
    const at = visit.site;
    const site = { file, doc: at.doc, pointer: at.pointer };
    const hosts = [
      ...strings(value.hosts),
      ...(Array.isArray(value.hosts) ? value.hosts : []).flatMap((h) => (isObject(h) && typeof h.host === "string" ? [h.host] : [])),
      ...(Array.isArray(value.rules) ? value.rules : []).flatMap((r) => (isObject(r) && typeof r.host === "string" ? [r.host] : [])),
      ...(typeof value.hostname === "string" ? [value.hostname] : []),
      ...(typeof value.host === "string" ? [value.host] : []),
    ];
    if (!hosts.length) continue;
    const tls = value.tls ?? value.extraTls;
    out.push({ site, hosts, tls: tlsOn(tls), secrets: [...tlsSecrets(value.tls), ...tlsSecrets(value.extraTls)], issuers: annotationIssuers(value, site), what: `${key} of ${file.release?.name ?? file.path}` });
  }
  return out;
}

/** Per context: several rules ask for the endpoints and the hosts of the same environment. */
const endpointCache = new WeakMap<RuleContext, Endpoint[]>();
const hostCache = new WeakMap<RuleContext, ServedHost[]>();

/** Every endpoint that routes hosts: Ingresses, IngressRoutes and values ingress blocks. */
export function endpoints(ctx: RuleContext): Endpoint[] {
  let found = endpointCache.get(ctx);
  if (!found) endpointCache.set(ctx, (found = [...ctx.kubeObjects.flatMap(kubeEndpoints), ...valuesEndpoints(ctx)]));
  return [...found];
}

/** Every host the environment serves, with where it is named. */
/**
 * A name only the cluster's DNS resolves: a Service's short name, `<service>.<namespace>`,
 * `.svc` or `.svc.cluster.local`. Certificates of in-cluster endpoints (Elasticsearch's HTTP
 * Service) carry them; they are not hosts of the environment's domain.
 */
export function isClusterInternal(ctx: RuleContext, host: string): boolean {
  const labels = host.split(".");
  if (labels.length === 1 || host.endsWith(".svc") || host.endsWith(".svc.cluster.local")) return true;
  return labels.length === 2 && ctx.platform.releases.some((r) => r.namespace === labels[1]);
}

export function servedHosts(ctx: RuleContext): ServedHost[] {
  let found = hostCache.get(ctx);
  if (!found) hostCache.set(ctx, (found = findServedHosts(ctx)));
  return [...found];
}

function findServedHosts(ctx: RuleContext): ServedHost[] {
  const out: ServedHost[] = [];
  for (const e of endpoints(ctx)) for (const host of new Set(e.hosts)) out.push({ host, site: e.site, role: "route", owner: `${e.site.file.path}#${e.site.pointer}` });
  for (const doc of ctx.kubeObjects) {
    const spec = isObject(doc.object.spec) ? doc.object.spec : {};
    const owner = `${doc.file.path}#${doc.pointer}`;
    if (["HTTPRoute", "GRPCRoute", "TLSRoute"].includes(doc.kind)) {
      strings(spec.hostnames).forEach((host, i) => out.push({ host, site: sub(doc, "spec", "hostnames", i), role: "route", owner }));
    } else if (doc.kind === "Gateway" && Array.isArray(spec.listeners)) {
      spec.listeners.forEach((l, i) => isObject(l) && typeof l.hostname === "string" && out.push({ host: l.hostname, site: sub(doc, "spec", "listeners", i, "hostname"), role: "tls", owner }));
    } else if (doc.kind === "Certificate") {
      strings(spec.dnsNames).forEach((host, i) => {
        if (!isClusterInternal(ctx, host)) out.push({ host, site: sub(doc, "spec", "dnsNames", i), role: "tls", owner });
      });
    }
  }
  // Traefik values: `matchRule: Host(\`traefik.dmz.home\`)` for the dashboard.
  const visits = ctx.values();
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const { value, key, file } = visit;
    if (key === "matchRule" && typeof value === "string" && file.kind === "values") {
      const { site } = visit;
      for (const host of hostsInRule(value)) out.push({ host, site, role: "route", owner: `${site.file.path}#${site.pointer}` });
    }
  }
  return out;
}
