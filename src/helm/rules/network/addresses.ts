/** Addresses the network rules share: the model's addresses, the pools, and requested LoadBalancer IPs. */
import { toPointer } from "../../../core/diagnostics/locate.ts";
import { ipToInt, isIPv4, parseAddressEntry, parseCidr, rangeSpan, type Span } from "../../../core/model/net.ts";
import { isObject, type RuleContext, type Site } from "../../../core/lint/context.ts";

/** A model address with its path inside the environment. */
interface ModelAddress {
  what: string;
  ip: string;
  path: Array<string | number>;
}

/** Every single address of an environment the network rules reason about. */
export function modelAddresses(ctx: RuleContext): ModelAddress[] {
  const { env } = ctx;
  const lb = env.ingress.loadBalancerIps;
  return [
    { what: "gateway", ip: env.network.gateway, path: ["network", "gateway"] },
    { what: "API VIP", ip: env.cluster.apiVip, path: ["cluster", "apiVip"] },
    ...env.nodes.map((n, i) => ({ what: `node ${n.name}`, ip: n.ip, path: ["nodes", i, "ip"] })),
    { what: "pool start", ip: env.ingress.pool.from, path: ["ingress", "pool", "from"] },
    { what: "pool end", ip: env.ingress.pool.to, path: ["ingress", "pool", "to"] },
    ...Object.entries(lb).map(([k, ip]) => ({ what: `LoadBalancer IP of ${k}`, ip, path: ["ingress", "loadBalancerIps", k] })),
    ...Object.entries(env.external).map(([k, h]) => ({ what: `external host ${k}`, ip: h.ip, path: ["external", k, "ip"] })),
  ];
}

export function validIp(ip: string): number | undefined {
  return isIPv4(ip) ? ipToInt(ip) : undefined;
}

export function lanSpan(ctx: RuleContext): Span | undefined {
  const parsed = parseCidr(ctx.env.network.lan);
  return parsed.ok ? parsed.span : undefined;
}

/** A MetalLB pool: from the environment's IPAddressPool objects, or the model's pool. */
export interface Pool {
  name: string;
  span: Span;
  /** Where the pool is declared (a manifest), or undefined for the model's pool. */
  site?: Site;
}

export function pools(ctx: RuleContext): Pool[] {
  const fromManifests: Pool[] = [];
  for (const doc of ctx.kubeObjects) {
    if (doc.kind !== "IPAddressPool" || !doc.apiVersion.startsWith("metallb.io/")) continue;
    const spec = doc.object.spec;
    const addresses = isObject(spec) && Array.isArray(spec.addresses) ? spec.addresses : [];
    const name = isObject(doc.object.metadata) ? String(doc.object.metadata.name) : "?";
    addresses.forEach((entry, i) => {
      const span = typeof entry === "string" ? parseAddressEntry(entry) : undefined;
      const pointer = toPointer([...(doc.pointer ? doc.pointer.slice(1).split("/") : []), "spec", "addresses", i]);
      if (span) fromManifests.push({ name, span, site: { file: doc.file, doc: doc.doc, pointer } });
    });
  }
  if (fromManifests.length) return fromManifests;
  const { from, to } = ctx.env.ingress.pool;
  if (!isIPv4(from) || !isIPv4(to)) return [];
  return [{ name: "model pool", span: rangeSpan(ctx.env.ingress.pool) }];
}

/** A LoadBalancer IP that a values file or manifest asks for. */
interface LbRequest {
  ip: string;
  site: Site;
}

const ANNOTATIONS = new Set(["metallb.io/loadBalancerIPs", "metallb.universe.tf/loadBalancerIPs"]);

/**
 * Every LoadBalancer IP requested in the environment's values and manifests: `loadBalancerIP`
 * keys (Service specs and chart values alike), `loadBalancerIPs` lists, and MetalLB annotations.
 */
export function lbRequests(ctx: RuleContext): LbRequest[] {
  const out: LbRequest[] = [];
  const visits = ctx.values();
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const { value, key } = visit;
    if (key === "loadBalancerIP" && typeof value === "string" && value !== "") out.push({ ip: value, site: visit.site });
    else if (key === "loadBalancerIPs" && Array.isArray(value)) {
      const { site } = visit;
      value.forEach((ip, i) => typeof ip === "string" && out.push({ ip, site: { ...site, pointer: `${site.pointer}/${i}` } }));
    } else if (typeof key === "string" && ANNOTATIONS.has(key) && typeof value === "string") {
      for (const ip of value.split(",").map((s) => s.trim()).filter(Boolean)) out.push({ ip, site: visit.site });
    }
  }
  return out;
}
