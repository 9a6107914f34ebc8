/**
 * Meaning check of a well-shaped model: what the JSON schema cannot say (names unique, references
 * that resolve, sane bounds, no prototype keys). Together with the shape check it makes the
 * promise "validateModel passes => generate succeeds": every condition an emitter would otherwise
 * throw on is reported here first, all at once, each with a JSON pointer into the model.
 */
import { missingSettings } from "./model-meaning.ts";
import { usedComponents } from "../model/components.ts";
import { danglingNeeds } from "./release-needs.ts";
import type { Diagnostic } from "../diagnostics/types.ts";
import { toPointer } from "../diagnostics/locate.ts";
import { lookup } from "../model/lookup.ts";
import type { Environment, Platform } from "../model/types.ts";
import { adaptersOf } from "../model/extensions.ts";
import { parseOciRepositoryUrl } from "../model/oci-url.ts";

export const MODEL_SEMANTICS_RULE = "model/semantics";

/**
 * What the worlds know of releases, passed in by the pipeline (core does not import worlds): the
 * keys of the chart adapters and manifest builders, and the releases each adapter looks up by
 * name (for namespaces and service names). A model that installs an adapter's release without
 * them cannot be generated, so it is invalid rather than an emitter crash.
 */
export interface ReleaseRegistry {
  valuesAdapters: readonly string[];
  manifestBuilders: readonly string[];
  lookups: Readonly<Record<string, readonly string[]>>;
}

/** Names the installed releases of `env` look up, with the release (index) that needs each first. */
function requiredReleases(platform: Platform, env: Environment, lookups: ReleaseRegistry["lookups"]): Map<string, number> {
  const required = new Map<string, number>();
  const queue = platform.releases.flatMap((r, i) => (env.disabled.includes(r.name) ? [] : [{ adapter: r.adapter, by: i }]));
  const expanded = new Set<string>();
  while (queue.length) {
    const { adapter, by } = queue.shift()!;
    const names = lookup(lookups, adapter);
    if (expanded.has(adapter) || names === undefined) continue;
    expanded.add(adapter);
    for (const name of names) {
      if (!required.has(name)) required.set(name, by);
      const release = platform.releases.find((r) => r.name === name);
      if (release) queue.push({ adapter: release.adapter, by });
    }
  }
  return required;
}

/** Keys that would reach an object's prototype when a record is read or spread. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** No generated file needs a longer string; 200,000-character names only slow everything down. */
export const MAX_STRING = 1024;
/** Object keys become names (Secrets, databases, labels): the longest Kubernetes name. */
export const MAX_KEY = 253;
/** No list of the model is anywhere near this long. */
export const MAX_ITEMS = 1000;
/** Member counts (replicas, instances) are expanded into lists of objects and records. */
export const MAX_MEMBERS = 100;
/** Numbers must survive a round trip through YAML and JSON exactly (Telegram chat ids are 13 digits). */
export const MAX_NUMBER = Number.MAX_SAFE_INTEGER;
/** Linux limits interface names to 15 characters (IFNAMSIZ). */
export const MAX_BRIDGE = 15;

const MEMBER_KEYS = new Set(["replicas", "instances", "nodes", "agents", "dbservers", "coordinators", "concurrent", "partitions"]);

type Path = Array<string | number>;

class Findings {
  readonly list: Diagnostic[] = [];
  constructor(private readonly file: string) {}
  add(path: Path, message: string, hint?: string): void {
    this.list.push({ rule: MODEL_SEMANTICS_RULE, severity: "error", file: this.file, pointer: toPointer(path), message, ...(hint ? { hint } : {}) });
  }
}

function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/**
 * Walks every value: prototype keys, string and key lengths, list lengths, finite bounded numbers.
 * `path` is one array grown and shrunk along the walk (a finding turns it into a pointer at once),
 * not a copy per value: the walk covers every environment of the model.
 */
function checkValues(value: unknown, path: Path, f: Findings): void {
  if (typeof value === "string") {
    if (PROTOTYPE_KEYS.has(value)) f.add(path, `"${value}" is not allowed as a name (it names an object prototype member)`);
    else if (value.length > MAX_STRING) f.add(path, `string of ${value.length} characters; at most ${MAX_STRING}`);
  } else if (typeof value === "number") {
    const key = path[path.length - 1];
    if (!Number.isFinite(value)) f.add(path, `${value} is not a finite number`);
    else if (Math.abs(value) > MAX_NUMBER) f.add(path, `${value} is out of range; at most ${MAX_NUMBER}`);
    else if (typeof key === "string" && MEMBER_KEYS.has(key) && value > MAX_MEMBERS) f.add(path, `${value} ${key} is more than ${MAX_MEMBERS}`);
  } else if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) f.add(path, `list of ${value.length} entries; at most ${MAX_ITEMS}`);
    else {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        checkValues(value[i], path, f);
        path.pop();
      }
    }
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) f.add([...path, key], `"${key}" is not allowed as a key (it names the object prototype)`);
      else if (key.length > MAX_KEY) f.add([...path, key], `key of ${key.length} characters; at most ${MAX_KEY}`);
      else {
        path.push(key);
        checkValues((value as Record<string, unknown>)[key], path, f);
        path.pop();
      }
    }
  }
}

/** Reports every entry whose `key` repeats an earlier entry's. */
function unique<T>(items: readonly T[], key: (item: T) => string, path: Path, field: string, what: string, f: Findings): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, i);
    else {
      const here = field ? [...path, i, field] : [...path, i];
      const there = field ? [...path, earlier, field] : [...path, earlier];
      f.add(here, `duplicate ${what} ${show(k)}; ${toPointer(there)} has it already`);
    }
  });
}

const OWN_ADAPTER_HINT = "define it with defineAdapter (a chart) or defineManifests (a local release) and register it on the platform with withAdapters or extendPlatform";

/**
 * The platform's own adapters (`withAdapters`): none may take a package adapter's name (which of
 * the two a release meant would be a guess) and no two may share one. Returns the names that
 * count, by kind.
 */
function checkOwnAdapters(platform: Platform, registry: ReleaseRegistry, f: Findings): { values: Set<string>; manifests: Set<string> } {
  const out = { values: new Set<string>(), manifests: new Set<string>() };
  const users = (name: string): Path[] => platform.releases.flatMap((r, i) => (r.adapter === name ? [["releases", i, "adapter"]] : []));
  const seen = new Set<string>();
  for (const adapter of adaptersOf(platform)) {
    const builtin = registry.valuesAdapters.includes(adapter.name) || registry.manifestBuilders.includes(adapter.name);
    const problem = builtin ? "is also an adapter of @streamforge/platform" : seen.has(adapter.name) ? "is registered twice" : undefined;
    seen.add(adapter.name);
    if (problem === undefined) {
      (adapter.kind === "values" ? out.values : out.manifests).add(adapter.name);
      continue;
    }
    const names = platform.releases.filter((r) => r.adapter === adapter.name).map((r) => `"${r.name}"`);
    const message = `the platform's own adapter ${show(adapter.name)} ${problem}${names.length ? `; release(s) ${names.join(", ")} name it` : ""}`;
    const hint = builtin ? "give the platform's adapter another name (and the releases that use it)" : "register each adapter once";
    const at = users(adapter.name);
    if (at.length) for (const path of at) f.add(path, message, hint);
    else f.add([], message, hint);
  }
  return out;
}

function checkPlatform(platform: Platform, f: Findings, registry: ReleaseRegistry | undefined): void {
  const releaseNames = new Set(platform.releases.map((r) => r.name));
  unique(platform.releases, (r) => r.name, ["releases"], "name", "release name", f);
  unique(platform.environments, (e) => e.name, ["environments"], "name", "environment name", f);
  if (!platform.environments.some((e) => e.name === platform.defaultEnvironment))
    f.add(["defaultEnvironment"], `${show(platform.defaultEnvironment)} is not an environment; expected one of: ${platform.environments.map((e) => e.name).join(", ")}`);
  const helmRepos = platform.repositories;
  const gitRepos = platform.gitRepositories ?? {};
  const own = registry ? checkOwnAdapters(platform, registry, f) : { values: new Set<string>(), manifests: new Set<string>() };
  for (const [alias, url] of Object.entries(helmRepos)) {
    // An OCI registry path is checked here so that a malformed one fails lint and gen, not a later pull.
    if (url.startsWith("oci://") && !parseOciRepositoryUrl(url))
      f.add(["repositories", alias], `repository "${alias}" is ${show(url)}; expected oci://<registry host>[:port]/<path>, the path in lowercase without tag or digest`);
  }
  platform.releases.forEach((release, i) => {
    const at: Path = ["releases", i];
    if (release.chart === "local") {
      if (registry && !registry.manifestBuilders.includes(release.adapter) && !own.manifests.has(release.adapter))
        f.add([...at, "adapter"], `release "${release.name}" names manifest builder ${show(release.adapter)}, which neither the package nor the platform's own adapters define; expected one of: ${[...registry.manifestBuilders, ...own.manifests].join(", ")}`, OWN_ADAPTER_HINT);
    } else {
      if (registry && !registry.valuesAdapters.includes(release.adapter) && !own.values.has(release.adapter))
        f.add([...at, "adapter"], `release "${release.name}" names values adapter ${show(release.adapter)}, which neither the package nor the platform's own adapters define`, OWN_ADAPTER_HINT);
      if (!Object.hasOwn(helmRepos, release.chart.repo) && !Object.hasOwn(gitRepos, release.chart.repo))
        f.add([...at, "chart", "repo"], `release "${release.name}" names chart repository ${show(release.chart.repo)}, which is not a key of repositories or gitRepositories`);
    }
    release.needs.forEach((need, j) => {
      // A need the platform lacks is model/unknown-need (danglingNeeds), reported once.
      if (need === release.name) f.add([...at, "needs", j], `release "${release.name}" needs itself`);
    });
    unique(release.needs, (n) => n, [...at, "needs"], "", "need", f);
  });
  const kafkaCluster = platform.releases.find((r) => r.name === "kafka-cluster");
  const kafkaUi = platform.releases.findIndex((r) => r.name === "kafka-ui");
  if (kafkaCluster && kafkaUi >= 0 && platform.releases[kafkaUi]?.namespace !== kafkaCluster.namespace)
    f.add(["releases", kafkaUi, "namespace"], `kafka-ui must be installed in the Kafka cluster's namespace "${kafkaCluster.namespace}" to read its Secrets`);
  for (const release of Object.keys(platform.chartFacts ?? {})) {
    if (!releaseNames.has(release)) f.add(["chartFacts", release], `chart facts for "${release}", which is not a release of the platform`);
  }
  platform.environments.forEach((env, e) => checkEnvironment(platform, env, ["environments", e], releaseNames, f, registry));
}

function checkEnvironment(platform: Platform, env: Environment, at: Path, releaseNames: Set<string>, f: Findings, registry: ReleaseRegistry | undefined): void {
  const enabled = (name: string) => releaseNames.has(name) && !env.disabled.includes(name);
  for (const [name, by] of requiredReleases(platform, env, registry?.lookups ?? {})) {
    const user = platform.releases[by];
    if (!releaseNames.has(name))
      f.add(["releases", by, "adapter"], `release "${user?.name}" (adapter "${user?.adapter}", installed in ${env.name}) looks up release "${name}", which the platform does not have`);
  }
  unique(env.nodes, (n) => n.name, [...at, "nodes"], "name", "node name", f);
  unique(env.proxmox.hosts, (h) => h.name, [...at, "proxmox", "hosts"], "name", "Proxmox host name", f);
  unique(env.storageClasses, (c) => c.name, [...at, "storageClasses"], "name", "storage class name", f);
  unique(env.ingress.tcpRoutes, (r) => r.name, [...at, "ingress", "tcpRoutes"], "name", "TCP route name", f);
  unique(env.components.kafka?.topics ?? [], (t) => t.name, [...at, "components", "kafka", "topics"], "name", "Kafka topic", f);
  unique(env.components.runner?.volumes ?? [], (v) => v.name, [...at, "components", "runner", "volumes"], "name", "runner volume", f);
  unique(env.components.ci?.services ?? [], (s) => s.name, [...at, "components", "ci", "services"], "name", "CI service", f);
  unique(env.components.minio?.buckets ?? [], (b) => b, [...at, "components", "minio", "buckets"], "", "bucket", f);
  unique(Object.entries(env.ingress.hosts), ([, label]) => label, [...at, "ingress", "hosts"], "", "host label", f);
  unique(env.disabled, (d) => d, [...at, "disabled"], "", "disabled release", f);
  if (env.proxmox.bridge.length > MAX_BRIDGE) f.add([...at, "proxmox", "bridge"], `bridge name of ${env.proxmox.bridge.length} characters; Linux allows at most ${MAX_BRIDGE}`);

  const defaults = env.storageClasses.flatMap((c, i) => (c.default ? [i] : []));
  if (defaults.length === 0) f.add([...at, "storageClasses"], `${env.name} has no default storage class; mark exactly one \`default: true\``);
  for (const i of defaults.slice(1))
    f.add([...at, "storageClasses", i, "default"], `${env.name} has two default storage classes: "${env.storageClasses[defaults[0] ?? 0]?.name}" and "${env.storageClasses[i]?.name}"`);
  const classes = new Set(env.storageClasses.map((c) => c.name));
  const c = env.components;
  // Only settings an installed release reads claim storage; others may be absent or stale.
  const used = usedComponents(platform, env);
  const claims: Array<[Path, string | undefined]> = [
    [["traefik", "acmeStorage", "storageClass"], used.traefik?.acmeStorage.storageClass],
    [["nfs", "storageClass"], used.nfs?.storageClass],
    [["minio", "storageClass"], used.minio?.storageClass],
    [["kafka", "storageClass"], used.kafka?.storageClass],
    [["arangodb", "storageClass"], used.arangodb?.storageClass],
    [["postgres", "storageClass"], used.postgres?.storageClass],
    [["monitoring", "prometheus", "storageClass"], used.monitoring?.prometheus.storageClass],
    [["monitoring", "grafana", "storageClass"], used.monitoring?.grafana.storageClass],
    [["monitoring", "alertmanager", "storageClass"], used.monitoring?.alertmanager.storageClass],
    [["logging", "elasticsearch", "storageClass"], used.logging?.elasticsearch.storageClass],
    [["vault", "storageClass"], used.vault?.storageClass],
    [["dns", "storageClass"], used.dns?.storageClass],
  ];
  for (const [path, name] of claims) {
    if (name !== undefined && !classes.has(name)) f.add([...at, "components", ...path], `storage class ${show(name)} is not one of ${env.name}'s storage classes: ${[...classes].join(", ")}`);
  }
  if (enabled("nfs-subdir-external-provisioner") && c.nfs && !env.storageClasses.some((s) => s.name === c.nfs?.storageClass && s.provisioner === "nfs-subdir"))
    f.add([...at, "components", "nfs", "storageClass"], `${env.name} has no nfs-subdir storage class ${show(c.nfs.storageClass)}`);

  const nodes = new Set(env.nodes.map((n) => n.name));
  if (c.runner && !nodes.has(c.runner.node)) f.add([...at, "components", "runner", "node"], `${show(c.runner.node)} is not a node of ${env.name}`);
  if (c.kafkaUi && !nodes.has(c.kafkaUi.node)) f.add([...at, "components", "kafkaUi", "node"], `${show(c.kafkaUi.node)} is not a node of ${env.name}`);
  if (enabled("kafka-cluster") && !env.ingress.tcpRoutes.some((r) => "kafka" in r.backend))
    f.add([...at, "ingress", "tcpRoutes"], `${env.name} has no TCP route to the Kafka external listener ({ backend: { kafka: "external" } })`);
  if (c.runner && c.ci && !c.runner.volumes.some((v) => v.name === c.ci?.dockerConfigVolume && v.kind === "secret"))
    f.add([...at, "components", "ci", "dockerConfigVolume"], `${show(c.ci.dockerConfigVolume)} is not a secret volume of the runner (components.runner.volumes)`);
  if (enabled("keycloakx") && c.postgres && !Object.hasOwn(c.postgres.databases, "keycloak"))
    f.add([...at, "components", "postgres", "databases"], `keycloakx is installed in ${env.name} but there is no "keycloak" database`);
  // Grafana's read grants are given on its data source's database, which the cluster must hold.
  const grafanaDb = c.monitoring?.grafana.datasources.postgres.database;
  if (enabled("postgres-cluster") && c.postgres && grafanaDb !== undefined && !Object.hasOwn(c.postgres.databases, grafanaDb))
    f.add([...at, "components", "monitoring", "grafana", "datasources", "postgres", "database"], `${show(grafanaDb)} is not a database of components.postgres.databases: ${Object.keys(c.postgres.databases).join(", ")}`);
  if (enabled("gpu-operator")) {
    if (!env.nodes.some((n) => n.gpu === true)) f.add([...at, "nodes"], `gpu-operator is installed in ${env.name}, which has no node with gpu: true`);
  }

  env.disabled.forEach((name, i) => {
    if (!releaseNames.has(name)) f.add([...at, "disabled", i], `${show(name)} is not a release of the platform`);
  });
  for (const name of Object.keys(env.versions)) {
    if (!releaseNames.has(name)) f.add([...at, "versions", name], `a version is pinned for ${show(name)}, which is not a release of the platform`);
  }
  platform.releases.forEach((release, r) => {
    // environments/<env>.yaml carries the version of disabled releases too.
    if (release.chart === "local") return;
    if (!Object.hasOwn(env.versions, release.name))
      f.add([...at, "versions"], `${env.name} pins no version for release "${release.name}" (${toPointer(["releases", r])})`);
  });
}

/**
 * Meaning problems of a model that matches the schema. Call only after the shape check passed:
 * it reads fields the schema guarantees.
 */
export function checkSemantics(platform: Platform, file = "model", registry?: ReleaseRegistry): Diagnostic[] {
  const f = new Findings(file);
  checkValues(platform, [], f);
  // Prototype keys and huge values first: the rest would read through them.
  if (f.list.length) return f.list;
  const needs = danglingNeeds(platform, file);
  // Settings an installed release reads must be there before anything reads them.
  const missing = missingSettings(platform, file);
  if (missing.length) return [...needs, ...missing];
  checkPlatform(platform, f, registry);
  return [...needs, ...f.list];
}
