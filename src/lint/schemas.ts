/**
 * Compiled access to the committed JSON schemas (`schema/`, laid out by `src/schema/`): chart values schemas
 * (`schema/charts/<chart>/<version>.schema.json`) and CRD schemas
 * (`schema/crds/<group>/<kind>_<version>.json`). Each schema is compiled at most once per process
 * and only when a run needs it. Compiling the large CRD and chart schemas with ajv takes seconds,
 * so the compiled code is kept in a cache keyed by the schema's hash (ajv standalone code): a
 * later run only loads it. (`src/schema/index.ts` compiles once per process, which is what the
 * schema tests want; lint needs once per schema version, across runs, to stay near tsx start-up.)
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ErrorObject } from "ajv";
import { crdSchemaFile } from "../schema/crds.ts";

/** A compiled validator: ajv's interface, without ajv's types leaking further. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
  /** The schema it was compiled from, for "did you mean" lookups. */
  schema: Record<string, unknown>;
}

export type SchemaError = ErrorObject;

const PACKAGE_ROOT = resolve(import.meta.dirname, "../..");
let schemaRoot = PACKAGE_ROOT;
const compiled = new Map<string, Validator | null>();
const requireHere = createRequire(import.meta.url);

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

/** Runs cached standalone code (CommonJS) with this package's `require`, wherever the file is. */
function loadStandalone(code: string): (data: unknown) => boolean {
  const module = { exports: {} as Record<string, unknown> };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function("module", "exports", "require", code)(module, module.exports, requireHere);
  return (module.exports.default ?? module.exports) as (data: unknown) => boolean;
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
    text = readFileSync(join(schemaRoot, path), "utf8");
  } catch {
    compiled.set(path, null);
    return null;
  }
  const schema = JSON.parse(text) as Record<string, unknown>;
  delete schema.$schema;
  const hash = createHash("sha256").update(CACHE_VERSION).update(text).digest("hex").slice(0, 32);
  const file = join(cacheDir(), `${hash}.cjs`);
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    code = await compileStandalone(schema, path);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, file);
  }
  const run = loadStandalone(code) as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  const validator = Object.assign((data: unknown) => {
    const ok = run(data);
    validator.errors = run.errors ?? null;
    return ok;
  }, { schema, errors: null as ErrorObject[] | null });
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
