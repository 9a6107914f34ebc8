/**
 * Compiled access to the committed JSON schemas (`schema/`, laid out by `src/core/schema/`): chart values schemas
 * (`schema/charts/<chart>/<version>.schema.json`) and CRD schemas
 * (`schema/crds/<group>/<kind>_<version>.json`). Each schema is compiled at most once per process
 * and only when a run needs it. Compiling the large CRD and chart schemas with ajv takes seconds,
 * so the compiled code is kept in a cache keyed by the schema's hash (ajv standalone code): a
 * later run only loads it. (`src/core/schema/index.ts` compiles once per process, which is what the
 * schema tests want; lint needs once per schema version, across runs, to stay near tsx start-up.)
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ErrorObject } from "ajv";
import { crdSchemaFile } from "./crds.ts";

/** A compiled validator: ajv's interface, without ajv's types leaking further. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
  /** The schema it was compiled from, for "did you mean" lookups. */
  schema: Record<string, unknown>;
}

export type SchemaError = ErrorObject;

const PACKAGE_ROOT = resolve(import.meta.dirname, "../../..");
let schemaRoot = PACKAGE_ROOT;
const compiled = new Map<string, Validator | null>();
const requireHere = createRequire(import.meta.url);

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

/** Bump when the ajv options below change, so stale cached code is not reused. */
const CACHE_VERSION = "1";

function cacheDir(): string {
  // Keyed by content, so one cache serves every schema root.
  const preferred = join(PACKAGE_ROOT, "node_modules", ".cache", "streamforge-ajv");
  try {
    mkdirSync(preferred, { recursive: true });
    return preferred;
  } catch {
    const fallback = join(tmpdir(), "streamforge-ajv");
    mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}

function writeAtomic(file: string, data: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/**
 * Runs cached standalone code (CommonJS) with this package's `require`, wherever the file is.
 * V8's code cache (`<hash>.v8`) is kept beside it: parsing megabytes of validator code is most of
 * the cost of loading it.
 */
function loadStandalone(file: string, code: string): { run: (data: unknown) => boolean; saveCodeCache: () => void } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.v8`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (module, exports, require) {${code}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (m: unknown, e: unknown, r: unknown) => void)(module, module.exports, requireHere);
  const run = (module.exports.default ?? module.exports) as (data: unknown) => boolean;
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  return {
    run,
    // After a first validation the cache also holds the functions V8 compiled lazily.
    saveCodeCache: () => {
      if (!fresh) return;
      try {
        writeAtomic(`${file}.v8`, script.createCachedData());
      } catch {
        // A read-only cache only costs speed.
      }
    },
  };
}

async function compileStandalone(schema: Record<string, unknown>, path: string): Promise<string> {
  const [{ Ajv, _ }, formats, standalone] = await Promise.all([import("ajv"), import("ajv-formats"), import("ajv/dist/standalone/index.js")]);
  // `strict: false`: upstream schemas carry vendor keywords (x-kubernetes-*); closing objects is
  // the schema's job, unknown keys then fail through `additionalProperties`. Upstream patterns
  // are Go regular expressions, some invalid in unicode mode.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    logger: false,
    validateSchema: false,
    unicodeRegExp: false,
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  (formats.default as unknown as (a: unknown) => void)(ajv);
  try {
    const fn = ajv.compile(schema);
    return (standalone.default as unknown as (a: unknown, f: unknown) => string)(ajv, fn);
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
  const hash = createHash("sha256").update(CACHE_VERSION).update(text).digest("hex").slice(0, 32);
  const file = join(cacheDir(), `${hash}.cjs`);
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    const schema = JSON.parse(text) as Record<string, unknown>;
    delete schema.$schema;
    code = await compileStandalone(schema, path);
    writeAtomic(file, code);
  }
  const { run, saveCodeCache } = loadStandalone(file, code);
  const fn = run as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  let parsed: Record<string, unknown> | undefined;
  let first = true;
  const validator = Object.assign(
    (data: unknown) => {
      const ok = fn(data);
      validator.errors = fn.errors ?? null;
      if (first) saveCodeCache();
      first = false;
      return ok;
    },
    { errors: null as ErrorObject[] | null },
  ) as Validator;
  // Parsed only when a message needs it ("did you mean" on an unknown key).
  Object.defineProperty(validator, "schema", { get: () => (parsed ??= JSON.parse(text) as Record<string, unknown>) });
  compiled.set(path, validator);
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
