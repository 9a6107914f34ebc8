/**
 * What one environment's files make exist and what they expect, from the files as linted: each
 * installed release's contract (chart values or local manifests), the objects they provide, the
 * references they make (generic Kubernetes references plus the contracts' chart-specific ones),
 * and the model's prerequisites. Built once per lint context and shared by the apply rules.
 */
import type { Provided, ObjectKind, ReleaseContract, KindRef } from "../../charts/contract.ts";
import { releaseContract } from "../../charts/evaluate.ts";
import { isEnabled } from "../../../core/model/derive.ts";
import { prerequisites, type Prerequisite } from "../../../core/model/prerequisites.ts";
import type { Release } from "../../../core/model/types.ts";
import { isObject, walk, type KubeDoc, type LintFile, type RuleContext, type Site } from "../../../core/lint/context.ts";
import { toPointer, valueAtPointer } from "../../../core/diagnostics/locate.ts";

export interface Reference {
  kind: ObjectKind;
  namespace: string;
  name: string;
  keys: string[];
  port?: number;
  release: Release;
  site: Site;
}

export interface Inventory {
  releases: Release[];
  contracts: Map<string, ReleaseContract & { creates: Provided[]; renders: KindRef[] }>;
  provided: Array<Provided & { release: string }>;
  prerequisites: Prerequisite[];
  references: Reference[];
  /** Direct needs of each release, as the helmfile on disk says (model-derived when absent). */
  needs: Map<string, string[]>;
}

const cache = new WeakMap<RuleContext, Inventory>();

export function inventory(ctx: RuleContext): Inventory {
  let inv = cache.get(ctx);
  if (!inv) {
    inv = build(ctx);
    cache.set(ctx, inv);
  }
  return inv;
}

/**
 * The contracts now; the references, what is provided and the prerequisites on first use: `gen`
 * runs only the rules about the model, which read the contracts and needs, in every environment.
 */
function build(ctx: RuleContext): Inventory {
  const { platform, env } = ctx;
  const releases = platform.releases.filter((r) => isEnabled(env, r));
  const contracts: Inventory["contracts"] = new Map();
  const filesOf = new Map<string, LintFile[]>();
  for (const file of ctx.deployed) {
    const name = file.release?.name;
    if (name === undefined) continue;
    const list = filesOf.get(name);
    if (list) list.push(file);
    else filesOf.set(name, [file]);
  }
  const objectsOf = new Map<string, KubeDoc[]>();
  for (const doc of ctx.kubeObjects) {
    const name = doc.file.release?.name;
    if (name === undefined || doc.pointer !== "") continue;
    const list = objectsOf.get(name);
    if (list) list.push(doc);
    else objectsOf.set(name, [doc]);
  }
  const valuesOf = (release: Release): { file: LintFile | undefined; values: Record<string, unknown> } => {
    const file = filesOf.get(release.name)?.[0];
    return { file, values: file && isObject(file.docs[0]) ? file.docs[0] : {} };
  };
  for (const release of releases) {
    if (release.chart === "local") {
      const objects = objectsOf.get(release.name) ?? [];
      contracts.set(release.name, releaseContract({ platform, env }, release, { objects: objects.map((d) => d.object) }));
    } else {
      contracts.set(release.name, releaseContract({ platform, env }, release, { values: valuesOf(release).values }));
    }
  }
  let references: Reference[] | undefined;
  let provided: Inventory["provided"] | undefined;
  let prereqs: Prerequisite[] | undefined;
  return {
    releases,
    contracts,
    get provided() {
      provided ??= [...contracts].flatMap(([release, c]) => c.creates.map((p) => ({ ...p, release })));
      return provided;
    },
    get prerequisites() {
      prereqs ??= prerequisites(platform, env);
      return prereqs;
    },
    get references() {
      references ??= releaseReferences(ctx, releases, contracts, objectsOf, valuesOf);
      return references;
    },
    needs: helmfileNeeds(ctx),
  };
}

/** What each release refers to: generic Kubernetes references, plus its contract's chart-specific ones. */
function releaseReferences(
  ctx: RuleContext,
  releases: readonly Release[],
  contracts: Inventory["contracts"],
  objectsOf: ReadonlyMap<string, KubeDoc[]>,
  valuesOf: (release: Release) => { file: LintFile | undefined; values: Record<string, unknown> },
): Reference[] {
  const references: Reference[] = [];
  for (const release of releases) {
    if (release.chart === "local") {
      for (const doc of objectsOf.get(release.name) ?? []) references.push(...objectReferences(doc.object, release, { file: doc.file, doc: doc.doc, pointer: "" }, ctx.platform.releases));
      continue;
    }
    const { file, values } = valuesOf(release);
    if (!file) continue;
    references.push(...genericReferences(values, release, { file, doc: 0, pointer: "" }));
    for (const ref of contracts.get(release.name)!.refers ?? []) {
      const site = { file, doc: 0, pointer: ref.at };
      const value = valueAtPointer(values, ref.at);
      const push = (name: unknown, key: unknown, pointer: string) => {
        if (typeof name !== "string" || name === "") return;
        const keys = [...(ref.keys ?? []), ...(typeof key === "string" && key !== "" ? [key] : [])];
        references.push({ kind: ref.kind, namespace: ref.namespace ?? release.namespace, name, keys, release, site: { ...site, pointer } });
      };
      if (ref.pattern && typeof value === "string") {
        for (const m of value.matchAll(new RegExp(ref.pattern.source, ref.pattern.flags.includes("g") ? ref.pattern.flags : `${ref.pattern.flags}g`))) push(m[1], m[2], ref.at);
      } else if (ref.list && Array.isArray(value)) {
        value.forEach((name, i) => push(name, undefined, `${ref.at}/${i}`));
      } else {
        push(value, ref.keyAt ? valueAtPointer(values, ref.keyAt) : undefined, ref.at);
      }
    }
  }
  return references;
}

/** `needs` per release from the helmfile being linted (`<namespace>/<name>` entries). */
function helmfileNeeds(ctx: RuleContext): Map<string, string[]> {
  const file = ctx.files.find((f) => f.kind === "helmfile");
  // The helmfile is shared by every environment: read once per run, not once per environment.
  const known = file && needsByHelmfile.get(file);
  if (known) return known;
  const out = new Map<string, string[]>();
  const docs = file?.docs ?? [];
  for (const doc of docs) {
    if (!isObject(doc) || !Array.isArray(doc.releases)) continue;
    for (const r of doc.releases) {
      if (!isObject(r) || typeof r.name !== "string") continue;
      out.set(r.name, Array.isArray(r.needs) ? r.needs.filter((n): n is string => typeof n === "string").map((n) => n.slice(n.indexOf("/") + 1)) : []);
    }
  }
  if (out.size === 0) for (const r of ctx.platform.releases) out.set(r.name, [...r.needs]);
  else if (file) needsByHelmfile.set(file, out);
  return out;
}

/** Needs read from each helmfile of a run; callers only read them. */
const needsByHelmfile = new WeakMap<LintFile, Map<string, string[]>>();

/** Releases `name` needs, directly or transitively, by the given direct needs. */
export function closure(needs: Map<string, string[]>, name: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(needs.get(name) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(needs.get(next) ?? []));
  }
  return seen;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Kubernetes-shaped references anywhere in a tree: env, envFrom and volume sources. */
function genericReferences(tree: unknown, release: Release, base: Site, namespace = release.namespace): Reference[] {
  const out: Reference[] = [];
  const add = (kind: ObjectKind, name: string | undefined, keys: string[], path: Array<string | number>) => {
    if (name && !name.includes("{{")) out.push({ kind, namespace, name, keys, release, site: { ...base, pointer: `${base.pointer}${toPointer(path)}` } });
  };
  // Depth first in document order, as `walk` visits, with the path kept on one stack: copied
  // only for a reference found, not for every value of every environment's files.
  const path: Array<string | number> = [];
  const visit = (value: unknown, key: string | number | undefined): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], i);
        path.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    check(value, key);
    for (const k of Object.keys(value)) {
      path.push(k);
      visit(value[k], k);
      path.pop();
    }
  };
  const check = (value: Record<string, unknown>, key: string | number | undefined): void => {
    if (key === "secretKeyRef") add("Secret", str(value.name), str(value.key) ? [value.key as string] : [], [...path, "name"]);
    else if (key === "configMapKeyRef") add("ConfigMap", str(value.name), str(value.key) ? [value.key as string] : [], [...path, "name"]);
    else if (key === "secretRef" && !("key" in value)) add("Secret", str(value.name), [], [...path, "name"]);
    else if (key === "configMapRef") add("ConfigMap", str(value.name), [], [...path, "name"]);
    else if (key === "secret" && str(value.secretName)) add("Secret", str(value.secretName), itemKeys(value.items), [...path, "secretName"]);
    else if (key === "configMap" && str(value.name) && ("items" in value || "defaultMode" in value || path.includes("volumes") || path.some((p) => typeof p === "string" && /volumes$/i.test(p)))) add("ConfigMap", str(value.name), itemKeys(value.items), [...path, "name"]);
    else if (key === "persistentVolumeClaim" && str(value.claimName)) add("PersistentVolumeClaim", str(value.claimName), [], [...path, "claimName"]);
  };
  visit(tree, undefined);
  return out;
}

function itemKeys(items: unknown): string[] {
  return Array.isArray(items) ? items.flatMap((i) => (isObject(i) && typeof i.key === "string" ? [i.key] : [])) : [];
}

/** References of one manifest object: generic ones, plus route backends and TLS Secrets of the Gateway API and Traefik. */
function objectReferences(object: Record<string, unknown>, release: Release, site: Site, all: readonly Release[]): Reference[] {
  const meta = isObject(object.metadata) ? object.metadata : {};
  const namespace = str(meta.namespace) ?? release.namespace;
  const out = genericReferences(object, release, site, namespace);
  const spec = isObject(object.spec) ? object.spec : {};
  const at = (...path: Array<string | number>): Site => ({ ...site, pointer: toPointer(path) });
  if (typeof spec.serviceAccountName === "string") out.push({ kind: "ServiceAccount", namespace, name: spec.serviceAccountName, keys: [], release, site: at("spec", "serviceAccountName") });
  const kind = `${str(object.apiVersion)?.split("/")[0] ?? ""}/${str(object.kind) ?? ""}`;
  if (kind === "gateway.networking.k8s.io/HTTPRoute" && Array.isArray(spec.rules)) {
    spec.rules.forEach((rule, i) => {
      if (!isObject(rule) || !Array.isArray(rule.backendRefs)) return;
      rule.backendRefs.forEach((b, j) => {
        if (!isObject(b) || (b.kind !== undefined && b.kind !== "Service") || typeof b.name !== "string") return;
        out.push({ kind: "Service", namespace: str(b.namespace) ?? namespace, name: b.name, keys: [], ...(typeof b.port === "number" ? { port: b.port } : {}), release, site: at("spec", "rules", i, "backendRefs", j, "name") });
      });
    });
  }
  if (kind === "traefik.io/IngressRouteTCP" && Array.isArray(spec.routes)) {
    spec.routes.forEach((route, i) => {
      if (!isObject(route) || !Array.isArray(route.services)) return;
      route.services.forEach((s, j) => {
        if (!isObject(s) || typeof s.name !== "string") return;
        out.push({ kind: "Service", namespace: str(s.namespace) ?? namespace, name: s.name, keys: [], ...(typeof s.port === "number" ? { port: s.port } : {}), release, site: at("spec", "routes", i, "services", j, "name") });
      });
    });
  }
  if (kind === "gateway.networking.k8s.io/Gateway" && Array.isArray(spec.listeners)) {
    spec.listeners.forEach((l, i) => {
      const refs = isObject(l) && isObject(l.tls) && Array.isArray(l.tls.certificateRefs) ? l.tls.certificateRefs : [];
      refs.forEach((r, j) => {
        if (isObject(r) && typeof r.name === "string") out.push({ kind: "Secret", namespace: str(r.namespace) ?? namespace, name: r.name, keys: ["tls.crt", "tls.key"], release, site: at("spec", "listeners", i, "tls", "certificateRefs", j, "name") });
      });
    });
  }
  // A ClusterIssuer's CA Secret lives in cert-manager's cluster resource namespace (its own).
  if (kind === "cert-manager.io/ClusterIssuer" && isObject(spec.ca) && typeof spec.ca.secretName === "string") {
    const certManager = all.find((r) => r.chart !== "local" && r.chart.name === "cert-manager");
    out.push({ kind: "Secret", namespace: certManager?.namespace ?? namespace, name: spec.ca.secretName, keys: ["tls.crt", "tls.key"], release, site: at("spec", "ca", "secretName") });
  }
  return out;
}
