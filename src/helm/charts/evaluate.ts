/**
 * A release's contract in one environment, from what it deploys: the values of a chart release
 * (its adapter's contract reads them), or the objects of a local release (their kinds, and what
 * their operators create). Gen derives `needs` from it; lint checks references, order, trust and
 * capacity with it, on the files as they are on disk.
 */
import type { Context } from "../../core/model/derive.ts";
import type { Release } from "../../core/model/types.ts";
import { lookup } from "../../core/model/lookup.ts";
import type { Values } from "./adapter.ts";
import type { KindRef, Provided, ReleaseContract } from "./contract.ts";
import { chartContracts } from "./contracts.ts";
import { ownContract } from "./own-contract.ts";
import { chartsOfGroup } from "./crd-groups.ts";
import { kafkaExternalServices, localClaims, objectCreates } from "../manifests/operators.ts";

/** What one release deploys: values (chart) or objects (local). */
export type Deployed = { values: Values } | { objects: ReadonlyArray<Record<string, unknown>> };

/** The release's contract; `creates` and `renders` are always filled. */
export function releaseContract(ctx: Context, release: Release, deployed: Deployed): ReleaseContract & { creates: Provided[]; renders: KindRef[] } {
  if ("values" in deployed) {
    const contract = lookup(chartContracts, release.adapter)?.(ctx, deployed.values, release) ?? ownContract(ctx, release, deployed.values) ?? {};
    const renders = [...(contract.renders ?? [])];
    for (const kind of monitorKinds(deployed.values)) if (!renders.some((r) => r.group === kind.group && r.kind === kind.kind)) renders.push(kind);
    return { ...contract, creates: [...(contract.creates ?? [])], renders };
  }
  const renders: KindRef[] = [];
  const creates: Provided[] = [];
  for (const object of deployed.objects) {
    const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
    const kind = typeof object.kind === "string" ? object.kind : "";
    const slash = apiVersion.lastIndexOf("/");
    if (slash > 0 && !renders.some((r) => r.group === apiVersion.slice(0, slash) && r.kind === kind)) renders.push({ group: apiVersion.slice(0, slash), kind });
    creates.push(...objectCreates(object, release.namespace));
    if (kind === "Kafka" && apiVersion.startsWith("kafka.strimzi.io/")) creates.push(...kafkaExternalServices(ctx));
  }
  return { renders, creates, claims: lookup(localClaims, release.adapter)?.(ctx) ?? [] };
}

/**
 * Releases of the environment that install the CRDs of `group`: those of a chart known to (see
 * `CRD_GROUPS_BY_CHART`), and those whose contract (a consumer's) says so.
 */
export function crdInstallers(releases: readonly Release[], group: string, contracts: ReadonlyMap<string, ReleaseContract>): Release[] {
  const charts = chartsOfGroup(group);
  return releases.filter((r) => (r.chart !== "local" && charts.includes(r.chart.name)) || contracts.get(r.name)?.installsCrds?.includes(group) === true);
}

const MONITOR_KEYS: Readonly<Record<string, string>> = { servicemonitor: "ServiceMonitor", podmonitor: "PodMonitor", prometheusrule: "PrometheusRule" };
/** The keys MONITOR_KEYS finds: one of them, in any case, with or without a plural s. */
const MONITOR_KEY = /^(?:servicemonitor|podmonitor|prometheusrule)s?$/i;

/**
 * The Prometheus operator's kinds a chart renders by the common switch `<serviceMonitor|podMonitor|
 * prometheusRule>.enabled: true` (under any parent), whatever the chart: a switch turned on in
 * values is a kind to order after its CRD even where the adapter's contract says nothing.
 */
export function monitorKinds(values: unknown): KindRef[] {
  const out: KindRef[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    for (const [key, child] of Object.entries(node)) {
      // Most keys are none of the switches: the pattern says so without building a string per key.
      const kind = MONITOR_KEY.test(key) ? MONITOR_KEYS[key.toLowerCase().replace(/s$/, "")] : undefined;
      if (kind && child !== null && typeof child === "object" && (child as Record<string, unknown>).enabled === true && !out.some((k) => k.kind === kind)) out.push({ group: "monitoring.coreos.com", kind });
      visit(child);
    }
  };
  visit(values);
  return out;
}
