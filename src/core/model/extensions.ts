/**
 * Releases a consumer repository defines itself: a chart outside the package's catalogue (or a
 * folder of plain manifests), with a typed adapter from the model to its values and the values
 * JSON schema lint checks them against.
 *
 * The adapters travel with the platform value they are registered on, never in a table of the
 * package: the embedded model stays frozen, and two platforms in one process see only their own
 * adapters. They sit under a `Symbol.for` key, which is the same symbol in every copy of the
 * package a process loads (the bundled CLI and the library a `--model` module imports are two
 * copies), which JSON, JSON Schema validation and `Object.keys` ignore, and which an object spread
 * (`{ ...platform, name: "other" }`) carries along.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Components, DnsLabel, Environment, Platform, Release, VersionPin } from "./types.ts";
import { AdapterError } from "../errors.ts";

/**
 * What an adapter is given: the platform and the environment being generated (the same shape as
 * the package's own adapters' `Context`; spelled out here because `components.ts`, which `derive.ts` builds on, reads this module).
 */
export interface AdapterContext {
  platform: Platform;
  env: Environment;
}

/** A component whose settings an adapter reads (`Environment["components"]`). */
type ComponentKey = keyof Components;

/** The key a platform carries its own adapters under (see the module comment for why a registered symbol). */
export const PLATFORM_ADAPTERS: unique symbol = Symbol.for("@streamforge/platform/adapters");

/** A JSON schema as data (draft-07, as lint's validator reads it). */
export type ValuesSchema = Readonly<Record<string, unknown>>;

/**
 * Where a values schema comes from: the schema itself, a `file:` URL (say
 * `new URL("./schemas/podinfo.schema.json", import.meta.url)`, which does not depend on the
 * working directory), or a path (relative paths are resolved against the working directory).
 */
export type SchemaSource = ValuesSchema | URL | string;

/** What a values adapter of a consumer is given and returns: one chart's values for one environment. */
export type AdapterFunction<V extends object> = (ctx: AdapterContext) => V;

/** Depth budget of {@link ValuesPointer}: deep enough for chart values, shallow enough for tsc. */
type Deeper = [never, 0, 1, 2, 3, 4, 5];
/** A key as one JSON pointer segment (`~` is `~0`, `/` is `~1`). */
type EscapeSlash<K extends string> = K extends `${infer A}/${infer B}` ? `${A}~1${EscapeSlash<B>}` : K;
type Segment<K extends string> = K extends `${infer A}~${infer B}` ? `${EscapeSlash<A>}~0${Segment<B>}` : EscapeSlash<K>;

/**
 * A JSON pointer into values of type `V` (`/persistence/storageClass`): a key `V` does not have
 * fails the consumer's type check. Where `V` says nothing of the keys (a record, `object`) or is
 * deeper than the budget, any pointer is accepted.
 */
export type ValuesPointer<V, D extends number = 6> = [D] extends [never]
  ? `/${string}`
  : unknown extends V
    ? `/${string}`
    : V extends readonly (infer E)[]
      ? `/${number}` | `/${number}${ValuesPointer<NonNullable<E>, Deeper[D]>}`
      : V extends object
        ? string extends keyof V
          ? `/${string}`
          : [keyof V & string] extends [never]
            ? `/${string}`
            : { [K in keyof V & string]-?: `/${Segment<K>}` | `/${Segment<K>}${ValuesPointer<NonNullable<V[K]>, Deeper[D]>}` }[keyof V & string]
        : never;

/** Kinds of named objects a consumer's contract can declare a release creates. */
export type ContractObjectKind = "Secret" | "ConfigMap" | "ServiceAccount" | "PersistentVolumeClaim" | "Service" | "StorageClass";

/** A Secret or ConfigMap the chart reads, named by the value at `at` of its values file. */
export interface ValuesReferenceDeclaration<V> {
  kind: "Secret" | "ConfigMap";
  /** Where the name is written in the values file (a JSON pointer). */
  at: ValuesPointer<V>;
  /** A sibling value naming the key the chart reads from it. */
  keyAt?: ValuesPointer<V>;
  /** Keys the chart reads from it, when the chart fixes them rather than a value. */
  keys?: readonly string[];
  /** Namespace of the object, when not the release's own. */
  namespace?: string;
  /** The value at `at` is a list of names. */
  list?: boolean;
}

/** Persistent volumes the chart claims on the storage class named at `storageClassAt` of its values. */
export interface StorageClaimDeclaration<V> {
  /** What the volumes are for (`podinfo cache`), for messages. */
  what: string;
  storageClassAt: ValuesPointer<V>;
  /** Where the size of one volume is written (absent: the size is not known, capacity ignores the claim). */
  sizeAt?: ValuesPointer<V>;
  /** How many volumes: a number, or where the count (say the replica count) is written. Default 1. */
  count?: number | { at: ValuesPointer<V> };
}

/** An object the chart (or the operator it feeds) creates. */
export interface CreatedObjectDeclaration {
  kind: ContractObjectKind;
  name: string;
  /** Default: the release's namespace ("" for a StorageClass). */
  namespace?: string;
  /** Keys a Secret or ConfigMap holds, when known (absent: any key is accepted). */
  keys?: readonly string[];
  /** Ports a Service serves, when known. */
  ports?: readonly number[];
}

/** A key of the values file (anywhere in it) where the release is given the platform CA. */
export interface CaSettingDeclaration {
  key: string | RegExp;
  /** The value must contain this (a file name, a Secret name) to count. */
  contains?: string;
}

/** A custom kind the chart renders (`{ group: "cert-manager.io", kind: "Certificate" }`). */
export interface RenderedKindDeclaration {
  /** The kind's API group, without a version. */
  group: string;
  kind: string;
}

/** A key of a prerequisite Secret: what it holds, and who supplies the value. */
export interface PrerequisiteKeyDeclaration {
  key: string;
  /** What the value is ("the API token of example.org"), as the prerequisites list says it. */
  holds: string;
  /**
   * `external` (the default): a person supplies it. `platform`: a random value only the platform
   * uses, which `streamforge secrets create` makes.
   */
  origin?: "platform" | "external";
}

/**
 * A Secret the chart reads that no release creates: a person (or `streamforge secrets create`)
 * makes it before the first `helmfile apply`. It is listed with the platform's own prerequisites
 * (`prerequisites/<env>.yaml`, the README's section), checked and made by `secrets`, and
 * references to it resolve.
 */
export interface PrerequisiteDeclaration {
  kind: "Secret";
  name: string;
  /** Default: the release's namespace. */
  namespace?: string;
  /** What the Secret is for. */
  purpose: string;
  keys: readonly PrerequisiteKeyDeclaration[];
  /** Secret type, when not `Opaque` (`kubernetes.io/basic-auth`). */
  type?: string;
}

/**
 * What a consumer's release expects in the cluster and brings to it, checked by lint's apply
 * rules exactly as the package's own charts' contracts (src/helm/charts/contract.ts).
 */
export interface AdapterContract<V> {
  refers?: readonly ValuesReferenceDeclaration<V>[];
  claims?: readonly StorageClaimDeclaration<V>[];
  creates?: readonly CreatedObjectDeclaration[];
  trustsPlatformCa?: readonly CaSettingDeclaration[];
  /**
   * Custom kinds the chart renders: the release is ordered (`needs`) after the release installing
   * their CRDs and after every release whose admission webhook validates their group.
   */
  renders?: readonly RenderedKindDeclaration[];
  /** API groups whose objects the chart's admission webhook validates: releases rendering them are ordered after it. */
  validates?: readonly string[];
  /**
   * API groups whose CRDs the chart installs (an operator's own): releases rendering kinds of them,
   * charts and local manifests alike, are ordered after it.
   */
  installsCrds?: readonly string[];
  /** Secrets the chart reads that a person makes before the first apply (no release creates them). */
  prerequisites?: readonly PrerequisiteDeclaration[];
}

/** What a contract written as a function is given: the model, the release, and its values as written (or as linted, hand edits included). */
export interface ContractContext<V> extends AdapterContext {
  values: V;
  release: { name: string; namespace: string };
}

/** A contract as data, or as a function of the release and its values (names that depend on the release name). */
export type AdapterContractSource<V> = AdapterContract<V> | ContractFunction<V>;
/** Declared as a method so that an adapter of `V` is still an adapter of `object` (a method's parameter is compared both ways). */
type ContractFunction<V> = { of(ctx: ContractContext<V>): AdapterContract<V> }["of"];

/** Any contract, its pointers as plain strings: what the checks and lint read. */
interface ContractShape {
  refers?: ReadonlyArray<{ kind: string; at: string; keyAt?: string }>;
  claims?: ReadonlyArray<{ storageClassAt: string; sizeAt?: string; count?: number | { at: string } }>;
  creates?: ReadonlyArray<{ kind: string; name: string }>;
  renders?: ReadonlyArray<{ group: string; kind: string }>;
  validates?: readonly string[];
  installsCrds?: readonly string[];
  prerequisites?: ReadonlyArray<{ kind: string; name: string; namespace?: string; purpose: string; keys: ReadonlyArray<{ key: string; holds: string; origin?: string }>; type?: string }>;
}

/** A consumer's values adapter, made by {@link defineAdapter}. */
export interface ValuesAdapterDefinition<V extends object = object> {
  readonly kind: "values";
  /** The key a release names in `Release.adapter`. */
  readonly name: string;
  readonly values: AdapterFunction<V>;
  /** The chart's values schema, read when the adapter was defined. */
  readonly schema: ValuesSchema;
  /** Where the schema was read from (a path), or `inline`; lint names it. */
  readonly schemaSource: string;
  /** Component settings the adapter reads (`settingsOf(env, key)`): required where its release is installed. */
  readonly settings: readonly ComponentKey[];
  /** What the release refers to, claims, creates and trusts (absent: nothing is declared). */
  readonly contract?: AdapterContractSource<V>;
}

/** A Kubernetes object as a manifest builder returns it. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** What a manifest builder sees: the model, and the values of the environment's chart releases by release name. */
export interface ManifestBuilderContext extends AdapterContext {
  values: ReadonlyMap<string, object>;
}

/** A consumer's builder of a `local` release's plain manifests, made by {@link defineManifests}. */
export interface ManifestAdapterDefinition {
  readonly kind: "manifests";
  readonly name: string;
  readonly build: (ctx: ManifestBuilderContext) => readonly ManifestObject[];
  readonly settings: readonly ComponentKey[];
}

export type AdapterDefinition = ValuesAdapterDefinition<object> | ManifestAdapterDefinition;

/** An adapter definition that cannot work: its schema is missing or not JSON, its name is empty. */
export class AdapterDefinitionError extends Error {
  override name = "AdapterDefinitionError";
}

function readSchema(source: SchemaSource, adapter: string): { schema: ValuesSchema; from: string } {
  if (typeof source === "object" && !(source instanceof URL)) return { schema: source, from: "inline" };
  const path = source instanceof URL ? fileURLToPath(source) : isAbsolute(source) ? source : resolve(source);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new AdapterDefinitionError(`adapter "${adapter}": cannot read its values schema ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new AdapterDefinitionError(`adapter "${adapter}": its values schema ${path} is not JSON: ${(error as Error).message}`);
  }
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) throw new AdapterDefinitionError(`adapter "${adapter}": its values schema ${path} is not a JSON object`);
  // Named relative to the working directory where it lies below it: what a person typed.
  const rel = relative(process.cwd(), path);
  return { schema: schema as ValuesSchema, from: rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : path };
}

function checkName(name: string): void {
  if (typeof name !== "string" || name.length === 0) throw new AdapterDefinitionError(`an adapter needs a non-empty name (got ${JSON.stringify(name)})`);
}

/**
 * Defines a values adapter for a chart the package does not know. `V` is the chart's values type
 * (written by hand, or generated from the schema with json-schema-to-typescript), so a key the
 * chart does not have, or a value of the wrong type, fails the consumer's type check; the schema
 * is what `lint` checks the written values file against, with the same diagnostics as the
 * package's own charts.
 *
 * @example
 * ```ts
 * interface PodinfoValues { replicaCount?: number; ui?: { message?: string } }
 * const podinfo = defineAdapter<PodinfoValues>({
 *   name: "podinfo",
 *   values: ({ env }) => ({ replicaCount: 2, ui: { message: `podinfo on ${env.name}` } }),
 *   schema: new URL("./schemas/podinfo.schema.json", import.meta.url),
 * });
 * ```
 * @throws {AdapterDefinitionError} the schema cannot be read or is not a JSON object
 */
export function defineAdapter<V extends object>(spec: { name: string; values: AdapterFunction<V>; schema: SchemaSource; settings?: readonly ComponentKey[]; contract?: AdapterContractSource<V> }): ValuesAdapterDefinition<V> {
  checkName(spec.name);
  const { schema, from } = readSchema(spec.schema, spec.name);
  const contract = spec.contract;
  if (contract !== undefined && typeof contract !== "function") checkContract(contract, spec.name);
  return Object.freeze({ kind: "values", name: spec.name, values: spec.values, schema, schemaSource: from, settings: Object.freeze([...(spec.settings ?? [])]), ...(contract === undefined ? {} : { contract }) });
}

const CONTRACT_KINDS: readonly string[] = ["Secret", "ConfigMap", "ServiceAccount", "PersistentVolumeClaim", "Service", "StorageClass"] satisfies readonly ContractObjectKind[];

/**
 * Throws where a contract cannot be evaluated (a pointer that is no JSON pointer, a kind lint does
 * not know): the types say so to a TypeScript consumer, this says so to everyone else, at once.
 * @throws {AdapterDefinitionError} naming the adapter and the entry
 */
export function checkContract(contract: ContractShape, adapter: string): void {
  const bad = (where: string, problem: string): never => {
    throw new AdapterDefinitionError(`adapter "${adapter}": contract ${where} ${problem}`);
  };
  const pointer = (where: string, value: unknown) => {
    if (typeof value !== "string" || !value.startsWith("/")) bad(where, `is ${JSON.stringify(value)}, expected a JSON pointer into the values ("/a/b")`);
  };
  (contract.refers ?? []).forEach((r, i) => {
    if (r.kind !== "Secret" && r.kind !== "ConfigMap") bad(`refers[${i}].kind`, `is ${JSON.stringify(r.kind)}, expected "Secret" or "ConfigMap"`);
    pointer(`refers[${i}].at`, r.at);
    if (r.keyAt !== undefined) pointer(`refers[${i}].keyAt`, r.keyAt);
  });
  (contract.claims ?? []).forEach((c, i) => {
    pointer(`claims[${i}].storageClassAt`, c.storageClassAt);
    if (c.sizeAt !== undefined) pointer(`claims[${i}].sizeAt`, c.sizeAt);
    if (typeof c.count === "object") pointer(`claims[${i}].count.at`, c.count.at);
    else if (c.count !== undefined && !(Number.isInteger(c.count) && c.count > 0)) bad(`claims[${i}].count`, `is ${JSON.stringify(c.count)}, expected a positive integer or { at: pointer }`);
  });
  (contract.creates ?? []).forEach((o, i) => {
    if (!CONTRACT_KINDS.includes(o.kind)) bad(`creates[${i}].kind`, `is ${JSON.stringify(o.kind)}, expected one of ${CONTRACT_KINDS.join(", ")}`);
    if (typeof o.name !== "string" || o.name === "") bad(`creates[${i}].name`, `is ${JSON.stringify(o.name)}, expected a name`);
  });
  (contract.renders ?? []).forEach((k, i) => {
    if (!isApiGroup(k.group)) bad(`renders[${i}].group`, `is ${JSON.stringify(k.group)}, expected the API group of a custom kind ("cert-manager.io"), without a version`);
    if (typeof k.kind !== "string" || !/^[A-Z][A-Za-z0-9]*$/.test(k.kind)) bad(`renders[${i}].kind`, `is ${JSON.stringify(k.kind)}, expected a kind ("Certificate")`);
  });
  (contract.prerequisites ?? []).forEach((p, i) => {
    const at = `prerequisites[${i}]`;
    if (p.kind !== "Secret") bad(`${at}.kind`, `is ${JSON.stringify(p.kind)}, expected "Secret"`);
    if (!isObjectName(p.name)) bad(`${at}.name`, `is ${JSON.stringify(p.name)}, expected a Secret name (lower case letters, digits, '-' and '.')`);
    if (p.namespace !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(p.namespace)) bad(`${at}.namespace`, `is ${JSON.stringify(p.namespace)}, expected a namespace name`);
    if (typeof p.purpose !== "string" || p.purpose.trim() === "") bad(`${at}.purpose`, `is ${JSON.stringify(p.purpose)}, expected what the Secret is for`);
    if (!Array.isArray(p.keys) || p.keys.length === 0) bad(`${at}.keys`, "is empty, expected the keys the chart reads");
    p.keys.forEach((k, j) => {
      if (typeof k.key !== "string" || !/^[-._a-zA-Z0-9]+$/.test(k.key)) bad(`${at}.keys[${j}].key`, `is ${JSON.stringify(k.key)}, expected a Secret key (letters, digits, '-', '_' and '.')`);
      if (typeof k.holds !== "string" || k.holds.trim() === "") bad(`${at}.keys[${j}].holds`, `is ${JSON.stringify(k.holds)}, expected what the value is`);
      if (k.origin !== undefined && k.origin !== "platform" && k.origin !== "external") bad(`${at}.keys[${j}].origin`, `is ${JSON.stringify(k.origin)}, expected "platform" or "external"`);
    });
  });
  for (const entry of ["validates", "installsCrds"] as const) {
    (contract[entry] ?? []).forEach((group, i) => {
      if (!isApiGroup(group)) bad(`${entry}[${i}]`, `is ${JSON.stringify(group)}, expected an API group ("example.org"), without a version`);
    });
  }
}

/** A DNS subdomain, as Kubernetes names a Secret. */
const isObjectName = (value: unknown): value is string => typeof value === "string" && value.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value);

/** A custom resource's API group: a DNS subdomain of two labels or more (Kubernetes requires the dot of a CRD's group). */
const isApiGroup = (value: unknown): boolean => isObjectName(value) && value.includes(".");

/**
 * The contract a platform's own values adapter declares for `release` in `ctx.env`: the data, or
 * what its function returns for the release's values (`values`, asked only then).
 * @throws {AdapterError} a contract function that throws or returns a contract lint cannot read
 */
export function evaluateContract(ctx: AdapterContext, release: Release, own: ValuesAdapterDefinition, values: () => object): AdapterContract<object> | undefined {
  const source = own.contract;
  if (typeof source !== "function") return source;
  try {
    const contract = source({ ...ctx, values: values(), release: { name: release.name, namespace: release.namespace } });
    checkContract(contract, own.name);
    return contract;
  } catch (error) {
    throw new AdapterError(release.name, ctx.platform.releases.indexOf(release), release.adapter, ctx.env.name, `contract failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Defines the builder of a `local` release: the plain manifests Helmfile installs from
 * `manifests/<env>/<release>/`. Each object is checked by `lint` against its kind's schema
 * (built-in kinds, or the CRD schemas the package ships and `lint --schemas` adds).
 */
export function defineManifests(spec: { name: string; build: (ctx: ManifestBuilderContext) => readonly ManifestObject[]; settings?: readonly ComponentKey[] }): ManifestAdapterDefinition {
  checkName(spec.name);
  return Object.freeze({ kind: "manifests", name: spec.name, build: spec.build, settings: Object.freeze([...(spec.settings ?? [])]) });
}

function isDefinition(value: unknown): value is AdapterDefinition {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Record<string, unknown>;
  return typeof d.name === "string" && ((d.kind === "values" && typeof d.values === "function" && typeof d.schema === "object" && d.schema !== null) || (d.kind === "manifests" && typeof d.build === "function"));
}

/** The adapters registered on `platform` (none for a platform that has none, the embedded one included). */
export function adaptersOf(platform: Platform): readonly AdapterDefinition[] {
  const list: unknown = Object.hasOwn(platform, PLATFORM_ADAPTERS) ? (platform as Platform & { [PLATFORM_ADAPTERS]?: unknown })[PLATFORM_ADAPTERS] : undefined;
  return Array.isArray(list) ? list.filter(isDefinition) : [];
}

/** The platform's own adapter called `name` (the first, when two share it: validation reports that). */
export function ownAdapter(platform: Platform, name: string): AdapterDefinition | undefined {
  return adaptersOf(platform).find((a) => a.name === name);
}

/**
 * A copy of `platform` (shallow: its releases, environments and the rest are shared) that also
 * carries `adapters`, after any it carried already. `platform` itself is not changed, so the
 * embedded (frozen) model can be extended, and another platform built from the same one does
 * not see these adapters. A release of the platform uses one by naming it in `adapter`.
 *
 * The adapters are functions, so a `structuredClone` or JSON round trip of the platform drops
 * them (its releases then name adapters nobody defined, which validation reports).
 *
 * An adapter named like one of the package's, two adapters with one name, or a release naming
 * an adapter nobody defined are model errors: `generate()` throws `InvalidModelError` and the
 * CLI's `gen` and `lint` report them against the model file.
 */
export function withAdapters<P extends Platform>(platform: P, adapters: readonly AdapterDefinition[]): P {
  for (const adapter of adapters) if (!isDefinition(adapter)) throw new AdapterDefinitionError(`withAdapters: ${JSON.stringify(adapter)} is not an adapter made by defineAdapter or defineManifests`);
  return { ...platform, [PLATFORM_ADAPTERS]: Object.freeze([...adaptersOf(platform), ...adapters]) };
}

/** A chart in a Helm repository, for {@link ReleaseDefinition}: the repository's alias and URL, the chart's name and pinned version. */
export interface ChartSource {
  repository: { alias: string; url: string };
  name: string;
  /** Pinned in every environment (an environment's own `versions` entry wins). */
  version: VersionPin;
}

/** A release a consumer adds to a platform with {@link extendPlatform}. */
export interface ReleaseDefinition {
  name: DnsLabel;
  namespace: DnsLabel;
  /** A chart from a Helm repository (with a values adapter), or `local` (with a manifest builder). */
  chart: ChartSource | "local";
  adapter: AdapterDefinition;
  /** Releases installed first (default none). */
  needs?: DnsLabel[];
  /** Environments that leave the release out (added to their `disabled`). */
  disabledIn?: string[];
}

/**
 * A copy of `platform` with consumer-defined releases added: each release (after the platform's
 * own), its chart repository (an alias the platform maps to another URL is an error), its version
 * pinned in every environment, and its adapter registered as {@link withAdapters} does. The
 * model's checks apply as to any release (names unique, needs known, adapters defined).
 *
 * @example
 * ```ts
 * export default extendPlatform(base, [
 *   { name: "podinfo", namespace: "apps", chart: { repository: { alias: "podinfo", url: "https://stefanprodan.github.io/podinfo" }, name: "podinfo", version: "6.9.2" }, adapter: podinfo },
 * ]);
 * ```
 * @throws {AdapterDefinitionError} a repository alias the platform already maps to another URL, or an adapter of the wrong kind for the chart
 */
export function extendPlatform<P extends Platform>(platform: P, releases: readonly ReleaseDefinition[]): P {
  const repositories: Record<string, string> = { ...platform.repositories };
  const added: Release[] = [];
  for (const r of releases) {
    const local = r.chart === "local";
    if (local !== (r.adapter.kind === "manifests")) {
      throw new AdapterDefinitionError(`release "${r.name}": a ${local ? "local release needs a manifest builder (defineManifests)" : "chart release needs a values adapter (defineAdapter)"}, got ${r.adapter.kind} adapter "${r.adapter.name}"`);
    }
    if (r.chart !== "local") {
      const { alias, url } = r.chart.repository;
      if (Object.hasOwn(repositories, alias) && repositories[alias] !== url) throw new AdapterDefinitionError(`release "${r.name}": repository alias "${alias}" is ${repositories[alias]} in the platform, not ${url}`);
      repositories[alias] = url;
    }
    added.push({ name: r.name, namespace: r.namespace, chart: r.chart === "local" ? "local" : { repo: r.chart.repository.alias, name: r.chart.name }, needs: [...(r.needs ?? [])], adapter: r.adapter.name });
  }
  const environments: Environment[] = platform.environments.map((env) => {
    const versions = { ...env.versions };
    for (const r of releases) if (r.chart !== "local" && !Object.hasOwn(versions, r.name)) versions[r.name] = r.chart.version;
    const disabled = [...env.disabled, ...releases.filter((r) => r.disabledIn?.includes(env.name) && !env.disabled.includes(r.name)).map((r) => r.name)];
    return { ...env, versions, disabled };
  });
  const extended = { ...platform, repositories, releases: [...platform.releases, ...added], environments };
  return withAdapters(extended, releases.map((r) => r.adapter));
}
