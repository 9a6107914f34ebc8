/**
 * Validators for generated files from upstream schemas in the upstream cache (test:upstream
 * only): kubeconform-style CRD schemas (`expected/crd-schemas/<group>/<kind>_<version>.json`)
 * and a chart's own `values.schema.json`. ajv with `strict: false`, because upstream schemas use keywords and
 * formats (`int-or-string`, `x-kubernetes-*`) that strict mode rejects.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expectedPath, upstreamPath } from "./upstream.ts";

type AnyAjv = Ajv | Ajv2020;

function configure<T extends AnyAjv>(ajv: T): T {
  (addFormats as unknown as (a: AnyAjv) => void)(ajv);
  for (const f of ["int32", "int64", "float", "double", "byte", "int-or-string", "quantity"]) ajv.addFormat(f, true);
  return ajv;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

const crdCache = new Map<string, ValidateFunction>();

/** A validator of one custom resource kind, from its upstream CRD schema. */
export function crdValidator(apiVersion: string, kind: string): ValidateFunction {
  const [group, version] = apiVersion.split("/");
  const file = expectedPath("crd-schemas", group!, `${kind.toLowerCase()}_${version}.json`);
  let validate = crdCache.get(file);
  if (!validate) {
    validate = configure(new Ajv({ strict: false, allErrors: true })).compile(readJson(file));
    crdCache.set(file, validate);
  }
  return validate;
}

/** `path: message` lines of ajv errors, empty when valid: readable in a failing `toEqual([])`. */
export function errorLines(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
}

/** Validates a custom resource against its upstream CRD schema. */
export function crdErrors(object: { apiVersion: string; kind: string }): string[] {
  const validate = crdValidator(object.apiVersion, object.kind);
  return validate(object) ? [] : errorLines(validate.errors);
}

/**
 * A validator of a chart version's values from its `values.schema.json`, with the schemas it
 * refers to (`schemas/*.json` next to it, as app-template's common library has) registered first.
 */
export function chartValuesValidator(...chartDir: string[]): ValidateFunction {
  const dir = upstreamPath("charts", ...chartDir);
  const root = readJson(join(dir, "values.schema.json"));
  const draft2020 = String(root.$schema ?? "").includes("2020-12");
  const ajv = configure(draft2020 ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true }));
  const id = typeof root.$id === "string" ? root.$id : "";
  const base = id ? id.slice(0, id.lastIndexOf("/") + 1) : "";
  let schemaFiles: string[] = [];
  try {
    schemaFiles = readdirSync(join(dir, "schemas")).filter((f) => f.endsWith(".json"));
  } catch {
    schemaFiles = [];
  }
  for (const file of schemaFiles) ajv.addSchema(readJson(join(dir, "schemas", file)), `${base}schemas/${file}`);
  const { $schema: _ignored, ...schema } = root;
  return ajv.compile(schema);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Helm's coalescing of a chart's defaults with user values: maps merge, everything else replaces. */
export function helmMerge(defaults: unknown, values: unknown): unknown {
  if (!isMap(defaults) || !isMap(values)) return values === undefined ? defaults : values;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(values)) out[key] = helmMerge(defaults[key], value);
  return out;
}
