/**
 * Derives a chart version's values schema from its upstream defaults (`values.yaml`), combined
 * with the chart's own `values.schema.json` where it ships one.
 *
 * Inference from defaults: the type of each default; objects closed (`additionalProperties:
 * false`) except free-form maps, which are empty-map defaults or keys listed in the chart's
 * reviewed override file; `null` defaults accept anything; arrays are typed from their first
 * element, or accept anything when empty. Comments and descriptions are not carried over: the
 * schema is about shape, and upstream prose stays upstream.
 *
 * Where the upstream schema speaks, it wins: its types, enums, patterns and explicit
 * `additionalProperties` (except `true` beside a property list, which only keeps a schema lenient);
 * keys it declares that `values.yaml` lacks are added. Upstream nodes built
 * from combinators (`anyOf`, `oneOf`, `allOf`) are taken as they are.
 *
 * Pure: parsed inputs in, schema out. `reference.ts` reads the files.
 */

export type JsonSchema = { [keyword: string]: unknown };

/** A chart's reviewed free-form declarations (`schema/overrides/<chart>.json`). */
export interface ChartOverrides {
  /**
   * JSON pointers (into the values) of maps whose keys are free, such as annotations, labels,
   * node selectors, resources, extra env, or a config file as a map (`grafana.ini`).
   * `*` matches any key or array index. On an array, its items become free.
   */
  freeForm?: string[];
  /** Maps of named entries of one shape (Traefik `ports`): new names take that shape. */
  maps?: string[];
  /** Values of any type: defaults of one type where the templates `toYaml` any (kafka-ui `env: {}`). */
  any?: string[];
  /**
   * Keys the chart's templates read that `values.yaml` only mentions in a comment (such as
   * `# fullnameOverride: ""`), each with its schema. Pointer of the new key.
   */
  extra?: Record<string, JsonSchema>;
}

/** A subchart whose values live under `key` in the parent's values (Helm dependencies). */
export interface SubchartInput {
  key: string;
  values: unknown;
  schema?: JsonSchema;
}

export interface DeriveInput {
  chart: string;
  version: string;
  /** The chart's parsed `values.yaml`. */
  values: unknown;
  /** The chart's own `values.schema.json`, with every `$ref` already resolved (`resolveRefs`). */
  upstreamSchema?: JsonSchema;
  subcharts?: SubchartInput[];
  overrides?: ChartOverrides;
}

/**
 * The validation keywords kept from upstream schemas. Anything else is dropped: Helm's validator
 * ignores unknown keywords, so a misplaced property in an upstream schema (keycloakx, metallb,
 * app-template have some) constrains nothing there and must not break a strict compile here.
 */
const KEYWORDS = new Set([
  "type", "properties", "additionalProperties", "patternProperties", "propertyNames", "required",
  "minProperties", "maxProperties", "dependencies", "items", "additionalItems", "minItems", "maxItems",
  "uniqueItems", "contains", "enum", "const", "anyOf", "oneOf", "allOf", "not", "if", "then", "else",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
  "pattern", "format", "$ref",
]);

/** Keywords whose branches hold properties of their own; a node with them is kept as upstream wrote it. */
const COMBINATORS = ["anyOf", "oneOf", "allOf"];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The schema a default value implies. */
export function inferSchema(value: unknown): JsonSchema {
  if (value === null || value === undefined) return {};
  if (typeof value === "boolean") return { type: "boolean" };
  if (typeof value === "number") return { type: "number" };
  if (typeof value === "string") return { type: "string" };
  if (Array.isArray(value)) return value.length === 0 ? { type: "array" } : { type: "array", items: inferSchema(value[0]) };
  const entries = Object.entries(value as Record<string, unknown>);
  // An empty map is where the chart expects keys of the user's choosing.
  if (entries.length === 0) return { type: "object", additionalProperties: true };
  const properties: Record<string, JsonSchema> = {};
  for (const [key, child] of entries) properties[key] = inferSchema(child);
  return { type: "object", properties };
}

/** Resolves `$ref`s by inlining; a reference back into itself becomes "anything". */
export function resolveRefs(files: Readonly<Record<string, JsonSchema>>, entry: string): JsonSchema {
  const dirOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "");
  const normalise = (path: string) => {
    const out: string[] = [];
    for (const part of path.split("/")) {
      if (part === "..") out.pop();
      else if (part !== "." && part !== "") out.push(part);
    }
    return out.join("/");
  };
  const follow = (doc: unknown, pointer: string): unknown => {
    let node = doc;
    for (const raw of pointer.split("/").slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isObject(node) || !(key in node)) return undefined;
      node = node[key];
    }
    return node;
  };
  const walk = (node: unknown, file: string, stack: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, file, stack));
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    let target: Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string") {
        const [path = "", pointer = ""] = child.split("#");
        // Absolute URLs name the entry document by its `$id` (app-template points at common's).
        const targetFile = /^https?:/.test(path) ? entry : path === "" ? file : normalise(dirOf(file) + path);
        const id = `${targetFile}#${pointer}`;
        const doc = files[targetFile];
        if (doc === undefined) throw new Error(`unresolved $ref "${child}" in ${file}: no such schema file`);
        const found = follow(doc, pointer);
        if (found === undefined) throw new Error(`unresolved $ref "${child}" in ${file}: no such pointer`);
        target = stack.includes(id) ? {} : (walk(found, targetFile, [...stack, id]) as Record<string, unknown>);
      } else out[key] = walk(child, file, stack);
    }
    // Keywords beside a `$ref` (allowed since draft 2019-09) narrow the target further.
    return target === undefined ? out : { ...out, ...target };
  };
  const root = files[entry];
  if (root === undefined) throw new Error(`no schema file ${entry}`);
  return walk(root, entry, []) as JsonSchema;
}

/**
 * Keeps only validation keywords of an upstream schema (no descriptions, titles, defaults or
 * examples), keeping property maps whose keys happen to be keyword names.
 */
export function stripProse(schema: unknown, inMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => stripProse(item));
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  // OpenAPI's `nullable` is the draft-07 type union with "null".
  if (!inMap && schema.nullable === true && typeof schema.type === "string") out.type = [schema.type, "null"];
  // OpenAPI-flavoured chart schemas (config-syncer) mark open objects with an extension keyword.
  if (!inMap && schema["x-kubernetes-preserve-unknown-fields"] === true && !("additionalProperties" in schema)) out.additionalProperties = true;
  for (const [key, child] of Object.entries(schema)) {
    if (!inMap && key === "x-kubernetes-int-or-string" && child === true) out.anyOf = [{ type: "string" }, { type: "integer" }];
    if (!inMap && !KEYWORDS.has(key)) continue;
    if (!inMap && key === "type" && "type" in out) continue;
    // "Any other key too" beside a property list is how schemas stay lenient, not a map: the
    // defaults and the reviewed overrides decide which objects are free-form (Traefik's root).
    if (!inMap && key === "additionalProperties" && child === true && isObject(schema.properties)) continue;
    if (!inMap && (key === "enum" || key === "const")) out[key] = child;
    else out[key] = stripProse(child, !inMap && (key === "properties" || key === "patternProperties"));
  }
  return out;
}

/** Both schemas at once, for plain object schemas (what `allOf` of them means). */
function intersect(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...a, ...b };
  const aProps = (a.properties ?? {}) as Record<string, JsonSchema>;
  const bProps = (b.properties ?? {}) as Record<string, JsonSchema>;
  if (a.properties || b.properties) {
    const properties: Record<string, JsonSchema> = { ...aProps };
    for (const [key, value] of Object.entries(bProps)) properties[key] = aProps[key] ? intersect(aProps[key], value) : value;
    out.properties = properties;
  }
  if (Array.isArray(a.required) || Array.isArray(b.required)) out.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
  if (a.additionalProperties === false || b.additionalProperties === false) out.additionalProperties = false;
  if (isObject(a.items) && isObject(b.items)) out.items = intersect(a.items as JsonSchema, b.items as JsonSchema);
  return out;
}

/**
 * Folds `allOf` members into one schema where no member branches (`anyOf`/`oneOf`), so the
 * result has one property list that can be merged with the defaults and closed.
 */
export function foldAllOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => foldAllOf(item));
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(schema)) out[key] = key === "enum" || key === "const" ? child : foldAllOf(child);
  const members = out.allOf;
  if (!Array.isArray(members) || !members.every((m) => isObject(m) && !("anyOf" in m) && !("oneOf" in m) && !("allOf" in m))) return out;
  const { allOf: _members, ...base } = out;
  return (members as JsonSchema[]).reduce((acc, member) => intersect(acc, member), base);
}

/** Combines an inferred node with the upstream node for the same place. */
export function mergeSchemas(inferred: JsonSchema | undefined, upstream: JsonSchema | undefined): JsonSchema {
  if (upstream === undefined || Object.keys(upstream).length === 0) return inferred ?? {};
  if (inferred === undefined || Object.keys(inferred).length === 0) return upstream;
  if (COMBINATORS.some((k) => k in upstream)) return upstream;
  const out: JsonSchema = { ...inferred, ...upstream };
  const iProps = (inferred.properties ?? {}) as Record<string, JsonSchema>;
  const uProps = (upstream.properties ?? {}) as Record<string, JsonSchema>;
  if (Object.keys(iProps).length || Object.keys(uProps).length) {
    const properties: Record<string, JsonSchema> = {};
    for (const key of new Set([...Object.keys(iProps), ...Object.keys(uProps)])) properties[key] = mergeSchemas(iProps[key], uProps[key]);
    out.properties = properties;
  }
  if (isObject(inferred.items) || isObject(upstream.items)) {
    out.items = mergeSchemas(inferred.items as JsonSchema | undefined, upstream.items as JsonSchema | undefined);
  }
  if (!("additionalProperties" in upstream) && "additionalProperties" in inferred) out.additionalProperties = inferred.additionalProperties;
  return out;
}

/**
 * Closes every object node that lists `properties` and says nothing about other keys. Direct
 * members of `allOf`/`anyOf`/`oneOf` stay as upstream wrote them: a member sees only its own
 * properties, so closing it would reject the keys its siblings (or the node itself) declare.
 */
function closeObjects(schema: unknown, member = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closeObjects(item));
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(schema)) {
    if (key === "properties" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(child as Record<string, unknown>).map(([k, v]) => [k, closeObjects(v)]));
    } else if (key === "enum" || key === "const") out[key] = child;
    else if (COMBINATORS.includes(key) && Array.isArray(child)) out[key] = child.map((item) => closeObjects(item, true));
    else out[key] = closeObjects(child);
  }
  if (!member && "properties" in out && !("additionalProperties" in out) && !("patternProperties" in out)) out.additionalProperties = false;
  return out;
}

function deepMergeValues(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMergeValues(base[key], value);
  return out;
}

function decode(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The schema nodes a pointer (with `*` wildcards) designates. */
function nodesAt(schema: JsonSchema, pointer: string): JsonSchema[] {
  let nodes = [schema];
  for (const segment of pointer.split("/").slice(1).map(decode)) {
    const next: JsonSchema[] = [];
    for (const node of nodes) {
      const props = (node.properties ?? {}) as Record<string, JsonSchema>;
      if (segment === "*") {
        next.push(...Object.values(props));
        if (isObject(node.items)) next.push(node.items as JsonSchema);
        if (isObject(node.additionalProperties)) next.push(node.additionalProperties as JsonSchema);
      } else if (props[segment]) next.push(props[segment]);
      else if (/^\d+$/.test(segment) && isObject(node.items)) next.push(node.items as JsonSchema);
    }
    nodes = next;
  }
  return nodes;
}

function found(schema: JsonSchema, pointer: string, chart: string, kind: string): JsonSchema[] {
  const nodes = nodesAt(schema, pointer);
  if (nodes.length === 0) throw new Error(`${chart} override: ${kind} pointer ${pointer} matches no key of the values`);
  return nodes;
}

function replaceWith(node: JsonSchema, next: JsonSchema): void {
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, next);
}

/** Applies a chart's reviewed overrides; a pointer that finds nothing is an error (a stale review). */
function applyOverrides(schema: JsonSchema, overrides: ChartOverrides, chart: string): void {
  for (const [pointer, extra] of Object.entries(overrides.extra ?? {})) {
    const cut = pointer.lastIndexOf("/");
    const key = decode(pointer.slice(cut + 1));
    for (const parent of found(schema, pointer.slice(0, cut), chart, "extra")) {
      const props = (parent.properties ?? {}) as Record<string, JsonSchema>;
      if (key in props) throw new Error(`${chart} override: extra key ${pointer} already exists in the values`);
      parent.properties = Object.fromEntries(Object.entries({ ...props, [key]: closeObjects(extra) as JsonSchema }).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
  }
  for (const pointer of overrides.maps ?? []) {
    for (const node of found(schema, pointer, chart, "map")) {
      const entries = Object.values((node.properties ?? {}) as Record<string, JsonSchema>);
      node.additionalProperties = entries.reduce<JsonSchema | undefined>((acc, entry) => unionSchemas(acc, entry), undefined) ?? true;
    }
  }
  for (const pointer of overrides.freeForm ?? []) for (const node of found(schema, pointer, chart, "free-form")) openDeep(node);
  for (const pointer of overrides.any ?? []) for (const node of found(schema, pointer, chart, "any")) replaceWith(node, {});
}

/** Opens a subtree: known keys keep their types, any other key is accepted at every level. */
function openDeep(node: JsonSchema): void {
  const isMap = node.type === "object" || "properties" in node;
  if (isMap && (node.additionalProperties === false || node.additionalProperties === undefined)) node.additionalProperties = true;
  for (const child of Object.values((node.properties ?? {}) as Record<string, JsonSchema>)) openDeep(child);
  if (isObject(node.additionalProperties)) openDeep(node.additionalProperties as JsonSchema);
  if (isObject(node.items)) openDeep(node.items as JsonSchema);
  if (node.type === "array" && !isObject(node.items)) node.items = {};
}

/** A schema that accepts what either accepts, for entries of one map (same keys, wider types). */
function unionSchemas(a: JsonSchema | undefined, b: JsonSchema): JsonSchema {
  if (a === undefined) return structuredClone(b);
  if (Object.keys(a).length === 0 || Object.keys(b).length === 0) return {};
  if (a.type !== b.type) return a.type === undefined || b.type === undefined ? {} : { ...a, type: [...new Set([a.type, b.type].flat())] };
  const out: JsonSchema = { ...a };
  const aProps = (a.properties ?? {}) as Record<string, JsonSchema>;
  const bProps = (b.properties ?? {}) as Record<string, JsonSchema>;
  if (a.properties || b.properties) {
    const properties: Record<string, JsonSchema> = {};
    for (const key of [...new Set([...Object.keys(aProps), ...Object.keys(bProps)])].sort()) {
      properties[key] = aProps[key] && bProps[key] ? unionSchemas(aProps[key], bProps[key]) : structuredClone((aProps[key] ?? bProps[key])!);
    }
    out.properties = properties;
  }
  if (isObject(a.items) && isObject(b.items)) out.items = unionSchemas(a.items as JsonSchema, b.items as JsonSchema);
  return out;
}

/**
 * Helm validates a chart's schema against the defaults merged with the user's values, so a key
 * the defaults hold is never missing. The values files lint checks hold only the user's part:
 * `required` on maps would flag every key left at its default. Lists are replaced, not merged, so
 * inside array items `required` still holds; so it does in branches (`oneOf` members told apart by
 * their required keys, `not: {required}` forbidding a pair of keys).
 */
const KEEP_REQUIRED = new Set(["items", "additionalItems", "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "dependencies"]);

function dropMapRequired(schema: unknown, underItems = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => dropMapRequired(item, underItems));
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(schema)) {
    if (key === "required" && !underItems) continue;
    if (key === "enum" || key === "const") out[key] = child;
    else if (key === "properties" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(child as Record<string, unknown>).map(([k, v]) => [k, dropMapRequired(v, underItems)]));
    } else out[key] = dropMapRequired(child, underItems || KEEP_REQUIRED.has(key));
  }
  return out;
}

/** The derived values schema of one chart version. */
export function deriveValuesSchema(input: DeriveInput): JsonSchema {
  let values = isObject(input.values) ? input.values : {};
  const clean = (schema: JsonSchema) => dropMapRequired(foldAllOf(stripProse(schema))) as JsonSchema;
  let upstream = input.upstreamSchema ? clean(input.upstreamSchema) : undefined;
  for (const sub of input.subcharts ?? []) {
    values = { ...values, [sub.key]: deepMergeValues(sub.values ?? {}, values[sub.key]) };
    if (sub.schema) {
      const subSchema = clean(sub.schema);
      const base = upstream ?? { type: "object", properties: {} };
      const props = { ...((base.properties ?? {}) as Record<string, JsonSchema>) };
      props[sub.key] = mergeSchemas(subSchema, props[sub.key]);
      upstream = { ...base, properties: props };
    }
  }
  const merged = mergeSchemas(inferSchema(values), upstream);
  const schema = closeObjects(merged) as JsonSchema;
  if (input.overrides) applyOverrides(schema, input.overrides, input.chart);
  const { type: _type, ...rest } = schema;
  return { $schema: "http://json-schema.org/draft-07/schema#", type: "object", ...rest };
}
