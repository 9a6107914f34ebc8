/**
 * The committed schemas as a small API for checks: a chart version's values schema, a custom
 * resource's schema, and one ajv compile per schema per process.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { crdSchemaFile } from "./crds.ts";

export type { JsonSchema } from "./derive.ts";

/** The package root, holding `schema/` (the same from `src/core/schema/` and `dist/core/schema/`). */
const PACKAGE_ROOT = resolve(import.meta.dirname, "../../..");

const loaded = new Map<string, Record<string, unknown> | undefined>();

function readSchema(path: string): Record<string, unknown> | undefined {
  if (!loaded.has(path)) {
    let schema: Record<string, unknown> | undefined;
    try {
      schema = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    loaded.set(path, schema);
  }
  return loaded.get(path);
}

/** `schema/charts/<chart>/<version>.schema.json`, or undefined when the version has none. */
export function loadChartSchema(chart: string, version: string, root = PACKAGE_ROOT): Record<string, unknown> | undefined {
  return readSchema(resolve(root, "schema", "charts", chart, `${version}.schema.json`));
}

/**
 * The schema of a custom resource (`apiVersion: <group>/<version>`, `kind`), or undefined when
 * none is committed (and always for core kinds, which have no group).
 */
export function loadCrdSchema(apiVersion: string, kind: string, root = PACKAGE_ROOT): Record<string, unknown> | undefined {
  const slash = apiVersion.indexOf("/");
  if (slash < 0) return undefined;
  return readSchema(resolve(root, "schema", "crds", crdSchemaFile(apiVersion.slice(0, slash), kind, apiVersion.slice(slash + 1))));
}

/** Formats Kubernetes' OpenAPI uses that ajv-formats does not know; checked by their type only. */
const OPENAPI_FORMATS = ["int32", "int64", "float", "double", "byte", "binary", "password", "int-or-string", "quantity", "cidr", "mac", "dns1123-label", "dns1123-subdomain", "uint32", "uint64"];

/**
 * Annotation and vendor keywords of OpenAPI/CRD schemas: metadata for people and the API server,
 * no constraint ajv could check (CEL rules need an API server).
 */
const KUBERNETES_KEYWORDS = [
  "example",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-int-or-string",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-map-type",
  "x-kubernetes-validations",
  "x-kubernetes-group-version-kind",
];

let ajv: Ajv | undefined;

/**
 * The one ajv instance for chart and CRD schemas: strict about the schemas' keywords (a typo in
 * a schema is an error), all errors at once. `strictTypes`/`strictRequired` are off because
 * upstream schemas use type unions and `required` inside branches, which are valid JSON Schema.
 * Patterns are compiled without the `u` flag: CRD patterns are Go regular expressions, whose
 * escapes (`\ `) the non-unicode ECMAScript syntax accepts too.
 */
export function schemaAjv(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: true, strictTypes: false, strictRequired: false, strictTuples: false, allErrors: true, verbose: true, unicodeRegExp: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  for (const format of OPENAPI_FORMATS) if (!ajv.formats[format]) ajv.addFormat(format, true);
  ajv.addVocabulary(KUBERNETES_KEYWORDS);
  return ajv;
}

const validators = new Map<string, ValidateFunction>();

/** Compiles a schema once per process, by `key` (its path, say); later calls reuse it. */
export function compileSchema(key: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = schemaAjv().compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/** The compiled values schema of a chart version, or undefined when it has none. */
export function chartValidator(chart: string, version: string, root = PACKAGE_ROOT): ValidateFunction | undefined {
  const schema = loadChartSchema(chart, version, root);
  return schema && compileSchema(`chart:${resolve(root)}:${chart}@${version}`, schema);
}

/** The compiled schema of a custom resource, or undefined when none is committed. */
export function crdValidator(apiVersion: string, kind: string, root = PACKAGE_ROOT): ValidateFunction | undefined {
  const schema = loadCrdSchema(apiVersion, kind, root);
  return schema && compileSchema(`crd:${resolve(root)}:${apiVersion}/${kind}`, schema);
}
