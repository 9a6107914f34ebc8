/**
 * kubernetes-models validates with ajv code compiled ahead of time, and phrases a failure with
 * ajv-i18n's English messages. Its `@kubernetes-models/validate` loads ajv-i18n whole (23 locales)
 * the moment the first kind loads, some 30 ms of every `lint`, which almost never fails there.
 *
 * `deferValidationMessages` hands node, before the first kind loads, its own `validate.js` (the
 * module of `runValidateFunc`, through `require.cache`, which node documents as writable): the same
 * check and the same `ValidationError`, whose errors get the same English messages, from the
 * English locale alone, loaded at the first failure. Only the major version this was written
 * against is replaced; with any other, or where the module is already loaded, nothing changes.
 */
import { readFileSync } from "node:fs";
import { Module, createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The major version of `@kubernetes-models/validate` whose `validate.js` exports only `runValidateFunc`. */
const MAJOR = "4.";

/** ajv's compiled validator: true or false, and the errors of the last call. */
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}

/** `validate.js` of the `@kubernetes-models/validate` that `kindFile` (a kind module) runs with. */
export function validateModuleOf(kindFile: string): { file: string; version: string } | undefined {
  try {
    const base = createRequire(kindFile).resolve("@kubernetes-models/base");
    const index = createRequire(base).resolve("@kubernetes-models/validate");
    const manifest = JSON.parse(readFileSync(join(dirname(index), "..", "package.json"), "utf8")) as { name?: string; version?: string };
    if (manifest.name !== "@kubernetes-models/validate" || typeof manifest.version !== "string") return undefined;
    return { file: join(dirname(index), "validate.js"), version: manifest.version };
  } catch {
    return undefined;
  }
}

/** What a failure needs: kubernetes-models' error class and ajv-i18n's English messages. */
export interface FailureKit {
  ValidationError: new (errors: unknown[]) => Error;
  localize: (errors: NonNullable<ValidateFunction["errors"]>) => void;
}

/**
 * kubernetes-models' `runValidateFunc`, with what a failure needs from `load` at the first failure.
 * The bundled CLI's copy of `validate.js` is this, with both bundled (scripts/build-time.mjs).
 */
export function deferredRunValidateFunc(load: () => FailureKit): (fn: ValidateFunction, data: unknown) => void {
  let kit: FailureKit | undefined;
  return (fn, data) => {
    if (fn(data) || !fn.errors) return;
    const errors = fn.errors;
    kit ??= load();
    const error = new kit.ValidationError(errors);
    kit.localize(errors);
    error.message = errors.map((e) => `data${e.instancePath} ${e.message}`).join(", ");
    throw error;
  };
}

/** The `runValidateFunc` of the package whose `validate.js` is `file`, with its messages loaded on the first failure. */
export function runValidateFuncOf(file: string): (fn: ValidateFunction, data: unknown) => void {
  const requireThere = createRequire(file);
  return deferredRunValidateFunc(() => ({
    ValidationError: (requireThere("@kubernetes-models/validate/runtime/validation_error") as { default: FailureKit["ValidationError"] }).default,
    localize: requireThere("ajv-i18n/localize/en") as FailureKit["localize"],
  }));
}

/** The module cache every CommonJS `require` of the process shares. */
const cache = createRequire(import.meta.url).cache;

/** Gives `exports` to every later `require` of `file`, unless `file` is loaded already; true when it did. */
export function provideModule(file: string, exports: object): boolean {
  if (cache[file] !== undefined) return false;
  const module = new Module(file);
  module.filename = file;
  module.exports = exports;
  module.loaded = true;
  cache[file] = module;
  return true;
}

/** `validate.js` of the kind modules beside `kindFile`, when it is of the version written against; else undefined. */
export function deferrableValidateModule(kindFile: string): string | undefined {
  const found = validateModuleOf(kindFile);
  return found && found.version.startsWith(MAJOR) ? found.file : undefined;
}

/** Puts the deferred `runValidateFunc` in place for the kind modules beside `kindFile`; true when it did. */
export function deferValidationMessages(kindFile: string): boolean {
  const file = deferrableValidateModule(kindFile);
  if (file === undefined) return false;
  return provideModule(file, Object.defineProperty({ runValidateFunc: runValidateFuncOf(file) }, "__esModule", { value: true }));
}
