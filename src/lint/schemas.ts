/**
 * Thin access to the committed JSON schemas (`schema/`): the model schema, chart values schemas
 * (`schema/charts/<chart>/<version>.schema.json`) and CRD schemas
 * (`schema/crds/<group>/<kind>_<version>.json`). Each schema is read and compiled at most once
 * per process, and only when a run needs it.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";

/** The package's `schema/` directory (the same relative place from `src/` and `dist/`). */
let schemaRoot = resolve(import.meta.dirname, "../..");

/** Reads schemas below another root (a directory holding `schema/`); clears the compile cache. */
export function useSchemaRoot(root: string): void {
  schemaRoot = root;
  compiled.clear();
}

export function valuesSchemaPath(chart: string, version: string): string {
  return `schema/charts/${chart}/${version}.schema.json`;
}

export function crdSchemaPath(group: string, kind: string, version: string): string {
  return `schema/crds/${group}/${kind.toLowerCase()}_${version}.json`;
}

type AjvInstance = { compile(schema: object): ValidateFunction };
let ajv: AjvInstance | undefined;

async function loadAjv(): Promise<AjvInstance> {
  if (ajv) return ajv;
  const [{ Ajv }, formats] = await Promise.all([import("ajv"), import("ajv-formats")]);
  // `strict: false`: upstream schemas carry vendor keywords (x-kubernetes-*); closing objects is
  // the schema's job, unknown keys then fail through `additionalProperties`.
  const instance = new Ajv({ allErrors: true, strict: false, verbose: true, logger: false, validateSchema: false, unicodeRegExp: false });
  (formats.default as unknown as (a: unknown) => void)(instance);
  ajv = instance;
  return instance;
}

const compiled = new Map<string, ValidateFunction | null>();

/** The validator of the schema file at `path` (relative to the package root), or null when absent. */
export async function validatorFor(path: string): Promise<ValidateFunction | null> {
  const cached = compiled.get(path);
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(join(schemaRoot, path), "utf8");
  } catch {
    compiled.set(path, null);
    return null;
  }
  const schema = JSON.parse(text) as Record<string, unknown>;
  delete schema.$schema;
  let fn: ValidateFunction;
  try {
    fn = (await loadAjv()).compile(schema);
  } catch (error) {
    throw new Error(`${path} does not compile: ${(error as Error).message}`, { cause: error });
  }
  compiled.set(path, fn);
  return fn;
}

export type SchemaError = ErrorObject;
