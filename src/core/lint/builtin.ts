/**
 * Validation of built-in Kubernetes kinds with `kubernetes-models`, one kind module loaded on
 * demand (never the package root). Its validators are compiled from the OpenAPI schema, whose
 * objects are open; unknown fields are found here instead: every validator reads each property
 * it knows, so a key of the object that the validator never read is a key the schema lacks.
 * Maps (labels, annotations, selectors) are read in full, so their keys never count as unknown.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { toPointer } from "../diagnostics/locate.ts";
import { isObject } from "./context.ts";
import { deferValidationMessages } from "./validation-messages.ts";
import { deferDraft2019Formats } from "./deferred-formats.ts";
import { bundledKinds } from "./bundled-kinds.ts";
import { loadWithRuntime, shareRuntime } from "./kinds-runtime.ts";

const require = createRequire(import.meta.url);

export interface KindModel {
  prototype: { validate(this: unknown): void };
}

/** One problem found in a built-in object. */
export interface BuiltinError {
  pointer: string;
  message: string;
  /** The unknown key, when that is the problem. */
  unknownKey?: string;
}

const kinds = new Map<string, KindModel | null>();
/**
 * Whether the libraries of kind modules loaded from node_modules were prepared, before the first
 * of them loads: shared with the bundle (`kinds-runtime.ts`) or, failing that, with what they load
 * for failures and unused formats deferred (`validation-messages.ts`, `deferred-formats.ts`).
 */
let prepared = false;

/** `kubernetes-models/<group>/<version>/<Kind>`, or `v1/<Kind>` for the core group. */
function modulePath(apiVersion: string, kind: string): string | undefined {
  if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

/**
 * The kind module: the bundled CLI's copy of it when the bundle carries one (`bundled-kinds.ts`:
 * the same module with its schema graph in one file, run with the bundle's own libraries), else
 * kubernetes-models' own.
 */
function loadKind(key: string, path: string): Record<string, unknown> {
  const bundled = bundledKinds?.kinds.has(key) ? join(bundledKinds.dir, `${key}.cjs`) : undefined;
  const runtime = bundledKinds?.runtime;
  if (bundled && runtime) {
    try {
      return loadWithRuntime(bundled, runtime);
    } catch {
      // Not readable where the package is installed: kubernetes-models' own.
    }
  }
  const file = bundled && !runtime ? bundled : require.resolve(path);
  if (!prepared) {
    if (!runtime || !shareRuntime(file, runtime)) {
      deferValidationMessages(file);
      deferDraft2019Formats(file);
    }
    prepared = true;
  }
  if (bundled && !runtime) {
    try {
      return require(bundled) as Record<string, unknown>;
    } catch {
      // Not loadable where the package is installed (its libraries out of reach): kubernetes-models' own.
    }
  }
  return require(require.resolve(path)) as Record<string, unknown>;
}

/** The kind's model class, or null when kubernetes-models has no such kind. */
export function builtinKind(apiVersion: string, kind: string): KindModel | null {
  const key = `${apiVersion}/${kind}`;
  const cached = kinds.get(key);
  if (cached !== undefined) return cached;
  const path = bundledKinds && !bundledKinds.apiVersions.has(apiVersion) ? undefined : modulePath(apiVersion, kind);
  let model: KindModel | null = null;
  if (path) {
    try {
      const mod = loadKind(key, path);
      const candidate = mod[kind] as KindModel | undefined;
      model = candidate && typeof candidate.prototype?.validate === "function" ? candidate : null;
    } catch {
      model = null;
    }
  }
  kinds.set(key, model);
  return model;
}

/** Wraps a JSON tree so that property reads are recorded per object (by JSON pointer). */
function track(value: unknown, path: Array<string | number>, reads: Map<string, Set<string>>): unknown {
  if (Array.isArray(value)) return value.map((item, i) => track(item, [...path, i], reads));
  if (!isObject(value)) return value;
  const seen = new Set<string>();
  reads.set(toPointer(path), seen);
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) copy[k] = track(v, [...path, k], reads);
  return new Proxy(copy, {
    get(target, property, receiver) {
      if (typeof property === "string") seen.add(property);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function unknownKeys(value: unknown, path: Array<string | number>, reads: Map<string, Set<string>>, out: BuiltinError[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownKeys(item, [...path, i], reads, out));
    return;
  }
  if (!isObject(value)) return;
  const seen = reads.get(toPointer(path));
  for (const [k, v] of Object.entries(value)) {
    if (seen && !seen.has(k)) {
      out.push({ pointer: toPointer([...path, k]), message: `unknown field "${k}"`, unknownKey: k });
    } else unknownKeys(v, [...path, k], reads, out);
  }
}

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function describe(e: AjvLikeError): string {
  switch (e.keyword) {
    case "required":
      return `missing required field "${String(e.params.missingProperty)}"`;
    case "type":
      return `must be of type ${String(e.params.type)}`;
    case "enum":
      return `must be one of ${JSON.stringify(e.params.allowedValues)}`;
    case "format":
      return `must match format "${String(e.params.format)}"`;
    default:
      return e.message ?? `fails "${e.keyword}"`;
  }
}

/** Every schema error and unknown field of a built-in object. */
export function validateBuiltin(model: KindModel, object: Record<string, unknown>): BuiltinError[] {
  const reads = new Map<string, Set<string>>();
  const tracked = track(object, [], reads);
  const out: BuiltinError[] = [];
  try {
    model.prototype.validate.call(tracked);
  } catch (error) {
    const errors = (error as { errors?: AjvLikeError[] }).errors;
    if (!errors) throw error;
    for (const e of errors) {
      // A union (oneOf/anyOf) reports each branch; its own summary error is enough.
      if (e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "if") continue;
      out.push({ pointer: e.instancePath, message: describe(e) });
    }
  }
  unknownKeys(object, [], reads, out);
  return out;
}
