/**
 * Converts CustomResourceDefinition manifests into JSON schemas, one per kind and served
 * version, laid out as kubeconform reads them: `<group>/<kind>_<version>.json` (lower case).
 *
 * The transformation: every nested object that lists `properties` is closed
 * (`additionalProperties: false`) unless it says otherwise itself (`additionalProperties`, or
 * `x-kubernetes-preserve-unknown-fields: true`); the root stays open so `apiVersion`, `kind` and
 * `metadata` pass even where a CRD leaves them out. `int-or-string` becomes
 * `oneOf: [string, integer]`. Descriptions, examples and CEL rules (`x-kubernetes-validations`,
 * which need a Kubernetes API server to evaluate) are dropped; every other keyword is kept. Patterns only Go understands (`(?i)...`) are dropped, each listed in
 * the result, because an ECMAScript validator cannot compile them.
 */
import { sha256Hex } from "../sha256.ts";
import { parseAllDocuments } from "yaml";
import type { JsonSchema } from "./derive.ts";

export interface CrdSchema {
  group: string;
  kind: string;
  version: string;
  /** `<group>/<kind>_<version>.json`, lower case. */
  path: string;
  schema: JsonSchema;
  /** Patterns dropped because they are not valid ECMAScript regular expressions. */
  droppedPatterns: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function validRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Keys under which the values are schemas by name, not keywords. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs"]);

/** Keywords whose items are alternatives or parts of the schema around them, not objects of their own. */
const COMBINATORS = new Set(["anyOf", "oneOf", "allOf"]);

/**
 * `branch`: the node is an item of `anyOf`/`oneOf`/`allOf`. Such a branch often lists only the
 * property it requires (Strimzi's `{properties: {certificate: {}}, required: [certificate]}`);
 * closing it would reject every other property its object allows, so it stays open and the
 * object around it is closed instead.
 */
function transform(node: unknown, root: boolean, dropped: string[], branch = false): unknown {
  if (Array.isArray(node)) return node.map((item) => transform(item, false, dropped, branch));
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    // CEL rules cannot be checked offline, and their messages are upstream prose.
    if (key === "description" || key === "example" || key === "x-kubernetes-validations") continue;
    if (key === "enum" || key === "const" || key === "default") out[key] = child;
    else if (key === "format" && child === "int-or-string") continue;
    else if (key === "pattern" && typeof child === "string" && !validRegExp(child)) dropped.push(child);
    else if (SCHEMA_MAPS.has(key) && isObject(child)) {
      out[key] = Object.fromEntries(Object.entries(child).map(([name, schema]) => [name, transform(schema, false, dropped)]));
    } else out[key] = transform(child, false, dropped, COMBINATORS.has(key));
  }
  const intOrString = node.format === "int-or-string" || node["x-kubernetes-int-or-string"] === true;
  if (intOrString && !("anyOf" in out) && !("oneOf" in out)) {
    delete out.type;
    out.oneOf = [{ type: "string" }, { type: "integer" }];
  }
  const open = node["x-kubernetes-preserve-unknown-fields"] === true;
  if (!root && !branch && "properties" in out && !("additionalProperties" in out) && !open) out.additionalProperties = false;
  return out;
}

/** Subschemas at least this long (as JSON) are shared when they occur more than once. */
const SHARE_MIN_LENGTH = 1000;

/** The child schemas of a schema node, as [container, key] pairs (never enum/default values). */
function childSlots(node: Record<string, unknown>): Array<[Record<string, unknown> | unknown[], string | number]> {
  const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  for (const key of ["properties", "patternProperties", "definitions"]) {
    const map = node[key];
    if (isObject(map)) for (const name of Object.keys(map)) slots.push([map, name]);
  }
  for (const key of ["additionalProperties", "items", "additionalItems", "not", "if", "then", "else"]) if (isObject(node[key])) slots.push([node, key]);
  for (const key of ["anyOf", "oneOf", "allOf", "items"]) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((_, i) => slots.push([list, i]));
  }
  return slots;
}

/**
 * Moves subschemas that repeat (the same Pod template or affinity in many places, as in
 * ArangoDeployment) into `definitions` and points at them with `$ref`. The schema accepts the same
 * documents; it is several times smaller and a validator compiles each shared part once.
 */
export function shareRepeated(schema: JsonSchema): JsonSchema {
  const counts = new Map<string, number>();
  const count = (node: unknown) => {
    if (!isObject(node)) return;
    const text = JSON.stringify(node);
    if (text.length >= SHARE_MIN_LENGTH) counts.set(text, (counts.get(text) ?? 0) + 1);
    for (const [container, key] of childSlots(node)) count((container as Record<string | number, unknown>)[key]);
  };
  for (const [container, key] of childSlots(schema)) count((container as Record<string | number, unknown>)[key]);
  const names = new Map<string, string>();
  for (const [text, n] of counts) if (n > 1) names.set(text, `shared-${sha256Hex(text).slice(0, 12)}`);
  if (names.size === 0) return schema;
  const definitions: Record<string, unknown> = {};
  const rewrite = (node: unknown, shareSelf: boolean): unknown => {
    if (!isObject(node)) return node;
    const text = JSON.stringify(node);
    const name = shareSelf ? names.get(text) : undefined;
    if (name) {
      if (!(name in definitions)) {
        definitions[name] = {};
        definitions[name] = rewrite(node, false);
      }
      return { $ref: `#/definitions/${name}` };
    }
    const out: Record<string, unknown> = { ...node };
    for (const key of ["properties", "patternProperties"]) if (isObject(node[key])) out[key] = { ...node[key] };
    for (const key of ["anyOf", "oneOf", "allOf", "items"]) if (Array.isArray(node[key])) out[key] = [...(node[key] as unknown[])];
    for (const [container, key] of childSlots(out)) {
      const holder = container as Record<string | number, unknown>;
      holder[key] = rewrite(holder[key], true);
    }
    return out;
  };
  const shared = rewrite(schema, false) as JsonSchema;
  return { ...shared, definitions: { ...((shared.definitions as object | undefined) ?? {}), ...definitions } };
}

/** The schema of one served CRD version. */
function crdVersionSchema(openApiV3Schema: unknown): { schema: JsonSchema; droppedPatterns: string[] } {
  const droppedPatterns: string[] = [];
  const schema = shareRepeated(transform(openApiV3Schema ?? {}, true, droppedPatterns) as JsonSchema);
  return { schema, droppedPatterns: [...new Set(droppedPatterns)].sort() };
}

interface CrdDoc {
  kind?: string;
  spec?: {
    group?: string;
    names?: { kind?: string };
    validation?: { openAPIV3Schema?: unknown };
    versions?: Array<{ name?: string; served?: boolean; schema?: { openAPIV3Schema?: unknown } }>;
  };
}

/**
 * Every served version of every CRD in a multi-document YAML text. Non-CRD documents are
 * ignored; `kinds`, when given, keeps only those kinds.
 */
export function crdSchemasOf(yamlText: string, kinds?: ReadonlySet<string>): CrdSchema[] {
  const out: CrdSchema[] = [];
  for (const doc of parseAllDocuments(yamlText)) {
    const crd = doc.toJS({ maxAliasCount: -1 }) as CrdDoc | null;
    if (!crd || crd.kind !== "CustomResourceDefinition" || !crd.spec?.group || !crd.spec.names?.kind) continue;
    const { group, names } = crd.spec;
    const kind = names.kind!;
    if (kinds && !kinds.has(kind)) continue;
    for (const version of crd.spec.versions ?? []) {
      if (!version.served || !version.name) continue;
      const { schema, droppedPatterns } = crdVersionSchema(version.schema?.openAPIV3Schema ?? crd.spec.validation?.openAPIV3Schema);
      out.push({ group, kind, version: version.name, path: crdSchemaFile(group, kind, version.name), schema, droppedPatterns });
    }
  }
  return out;
}

/** `<group>/<kind>_<version>.json`, lower case (kubeconform's layout). */
export function crdSchemaFile(group: string, kind: string, version: string): string {
  return `${group}/${kind.toLowerCase()}_${version.toLowerCase()}.json`;
}
