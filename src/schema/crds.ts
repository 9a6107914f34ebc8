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

function transform(node: unknown, root: boolean, dropped: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => transform(item, false, dropped));
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
    } else out[key] = transform(child, false, dropped);
  }
  const intOrString = node.format === "int-or-string" || node["x-kubernetes-int-or-string"] === true;
  if (intOrString && !("anyOf" in out) && !("oneOf" in out)) {
    delete out.type;
    out.oneOf = [{ type: "string" }, { type: "integer" }];
  }
  const open = node["x-kubernetes-preserve-unknown-fields"] === true;
  if (!root && "properties" in out && !("additionalProperties" in out) && !open) out.additionalProperties = false;
  return out;
}

/** The schema of one served CRD version. */
export function crdVersionSchema(openApiV3Schema: unknown): { schema: JsonSchema; droppedPatterns: string[] } {
  const droppedPatterns: string[] = [];
  const schema = transform(openApiV3Schema ?? {}, true, droppedPatterns) as JsonSchema;
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
