/**
 * Validators of the committed JSON schemas (`schema/`, laid out by `src/core/schema/`): chart values
 * schemas (`schema/charts/<chart>/<version>.schema.json`), CRD schemas
 * (`schema/crds/<group>/<kind>_<version>.json`) and the model's.
 *
 * "Valid?" is answered by walking the schema beside the data (`src/core/schema/verdict.ts`), which costs
 * next to nothing per run. Only data it rejects (or a schema it cannot judge) pays for compiling
 * the schema with ajv, in memory, for the messages. Nothing compiled is cached on disk or loaded
 * from a file: ajv's standalone code for these schemas is about 14 MB, and a run that loaded it
 * (even from V8's code cache) spent more time there than in everything else lint does.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from "ajv";
import { crdSchemaFile } from "./crds.ts";
import { verdict } from "./verdict.ts";

/** A compiled validator: ajv's interface, without ajv's types leaking further. */
interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
  /** The schema it was compiled from, for "did you mean" lookups. */
  schema: Record<string, unknown>;
}

export type SchemaError = ErrorObject;

const PACKAGE_ROOT = resolve(import.meta.dirname, "../../..");
let schemaRoot = PACKAGE_ROOT;
const compiled = new Map<string, Validator | null>();

/**
 * Folders with the layout of `schema/` (`charts/<chart>/<version>.schema.json`, `crds/...`) that
 * are searched before the package's own: a consumer's schema for a chart version the package does
 * not pin (derived with `streamforge schema derive`). Clears the compile cache.
 */
let extraDirs: string[] = [];
export function useExtraSchemaDirs(dirs: readonly string[]): void {
  if (dirs.length === extraDirs.length && dirs.every((d, i) => d === extraDirs[i])) return;
  extraDirs = [...dirs];
  compiled.clear();
}

/** The file of a `schema/...` path: the first extra folder holding it, else the schema root. */
function schemaFile(path: string): string {
  const inner = path.replace(/^schema\//, "");
  for (const dir of extraDirs) {
    const candidate = join(dir, inner);
    if (existsSync(candidate)) return candidate;
  }
  return join(schemaRoot, path);
}

/** Reads schemas below another root (a directory holding `schema/`); clears the compile cache. */
export function useSchemaRoot(root: string): void {
  schemaRoot = root;
  compiled.clear();
}

export function valuesSchemaPath(chart: string, version: string): string {
  return `schema/charts/${chart}/${version}.schema.json`;
}

export function crdSchemaPath(group: string, kind: string, version: string): string {
  return `schema/crds/${crdSchemaFile(group, kind, version)}`;
}

// ajv loads only when some data is invalid; `require` keeps that path synchronous.
const requireHere = createRequire(import.meta.url);
let ajv: AjvClass | undefined;

/**
 * The ajv instance of the slow path. `strict: false`: upstream schemas carry vendor keywords
 * (x-kubernetes-*); closing objects is the schema's job, unknown keys then fail through
 * `additionalProperties`. Upstream patterns are Go regular expressions, some invalid in unicode
 * mode. `src/schema/verdict.ts` mirrors exactly these options.
 */
function slowPath(): AjvClass {
  if (ajv) return ajv;
  const { Ajv } = requireHere("ajv") as typeof import("ajv");
  const addFormats = requireHere("ajv-formats") as (a: AjvClass) => AjvClass;
  ajv = addFormats(new Ajv({ allErrors: true, strict: false, logger: false, validateSchema: false, unicodeRegExp: false }));
  return ajv;
}

function compile(schema: Record<string, unknown>, path: string): ValidateFunction {
  try {
    return slowPath().compile(schema);
  } catch (error) {
    throw new Error(`${path} does not compile: ${(error as Error).message}`, { cause: error });
  }
}

/** The validator of the schema file at `path` (relative to the schema root), or null when absent. */
export async function validatorFor(path: string): Promise<Validator | null> {
  const cached = compiled.get(path);
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(schemaFile(path), "utf8");
  } catch {
    compiled.set(path, null);
    return null;
  }
  const validator = validatorOf(JSON.parse(text) as Record<string, unknown>, path);
  compiled.set(path, validator);
  return validator;
}

/**
 * Validators of schemas given as data (a platform's own adapters carry theirs), one per schema
 * object: a memo, not a registry, so nothing outlives the platform that holds the schema.
 */
const ofData = new WeakMap<object, Validator>();

/** The validator of a schema given as data; `label` names it in a compile error. */
export function validatorOfSchema(schema: Readonly<Record<string, unknown>>, label: string): Validator {
  let validator = ofData.get(schema);
  if (!validator) {
    validator = validatorOf({ ...schema }, label);
    ofData.set(schema, validator);
  }
  return validator;
}

function validatorOf(schema: Record<string, unknown>, path: string): Validator {
  // Which draft is the compiler's choice (ajv's default, draft-07), as it always was here.
  delete schema.$schema;
  let full: ValidateFunction | undefined;
  const validator = Object.assign(
    (data: unknown) => {
      if (verdict(schema, data) === true) {
        validator.errors = null;
        return true;
      }
      full ??= compile(schema, path);
      const ok = full(data);
      validator.errors = full.errors ?? null;
      return ok;
    },
    { errors: null as ErrorObject[] | null, schema },
  ) as Validator;
  return validator;
}

/** The sub-schema an error's `schemaPath` points into (its parent: where `properties` are). */
export function parentSchemaOf(schema: Record<string, unknown>, schemaPath: string): unknown {
  const segments = schemaPath.replace(/^#\/?/, "").split("/").filter(Boolean).slice(0, -1);
  let node: unknown = schema;
  for (const s of segments) {
    const key = s.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
