/**
 * Validation of custom resources against the upstream CRD schemas of the pinned versions
 * (`../shared/reference/crd-schemas/<group>/<kind>_<version>.json`, kubeconform's layout).
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { hasReference, referencePath } from "./reference.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// Upstream patterns are Go regexps (`\ ` escapes), which only non-unicode ECMAScript regexps accept.
const ajv = addFormats(new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }));
const cache = new Map<string, ValidateFunction>();

/** Where the schema of `apiVersion`/`kind` lives in the reference tree. */
export function crdSchemaPath(apiVersion: string, kind: string): string[] {
  const [group, version] = apiVersion.split("/");
  return ["crd-schemas", group!, `${kind.toLowerCase()}_${version}.json`];
}

/** Whether the reference tree has a schema for the object's kind. */
export function hasCrdSchema(object: { apiVersion: string; kind: string }): boolean {
  return hasReference(...crdSchemaPath(object.apiVersion, object.kind));
}

/** ajv's errors for `object` against its upstream CRD schema, as `path: message` lines. */
export function crdErrors(object: { apiVersion: string; kind: string }): string[] {
  const path = crdSchemaPath(object.apiVersion, object.kind);
  const key = path.join("/");
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(referencePath(...path), "utf8")));
    cache.set(key, validate);
  }
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message}`);
}
