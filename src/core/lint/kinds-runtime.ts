/**
 * The libraries kubernetes-models' kind modules require at run time (`@kubernetes-models/base`,
 * `@kubernetes-models/validate` and theirs: tslib, is-plain-object, is-cidr, ajv-formats' formats,
 * some twenty CommonJS files), bundled once into the bundled CLI, so that they are in its code
 * cache and nothing of them is resolved, read or compiled from node_modules at run time. The
 * bundle's `validate.js` and ajv-formats-draft2019 index are the deferred ones
 * (`validation-messages.ts`, `deferred-formats.ts`): the messages are bundled, the draft-2019
 * parsers are loaded from node_modules if a check ever needs one.
 *
 * A prebundled kind file (`bundled-kinds.ts`) is loaded with a `require` that hands it this one
 * copy. A kind that is not prebundled loads from node_modules: its libraries are this same copy
 * when node_modules holds the versions it was bundled from (so each class exists once), its own
 * otherwise.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { provideModule } from "./validation-messages.ts";

/** The packages a prebundled kind file requires. */
export type RuntimePackage = "@kubernetes-models/base" | "@kubernetes-models/validate";

export interface KindsRuntime {
  /** Each package's exports, evaluated at the first call. */
  modules: () => Record<RuntimePackage, object>;
  /** The version each package was bundled from. */
  versions: Record<RuntimePackage, string>;
}

/** node's CommonJS wrapper's parameters. */
const WRAP_HEAD = "(function (exports, require, module, __filename, __dirname) { ";

/**
 * The exports of the CommonJS file `file`, run as node runs it, but whose `require` of a runtime
 * package is `runtime`'s copy (any other goes to node, from the file's folder). Not put in node's
 * module cache: builtin.ts keeps each kind it loaded.
 */
export function loadWithRuntime(file: string, runtime: KindsRuntime): Record<string, unknown> {
  const modules = runtime.modules();
  const requireThere = createRequire(file);
  const local = Object.assign((id: string): unknown => (Object.hasOwn(modules, id) ? modules[id as RuntimePackage] : requireThere(id)), requireThere);
  const module = { exports: {} as Record<string, unknown>, filename: file };
  const wrapper = new Script(`${WRAP_HEAD}${readFileSync(file, "utf8")}\n})`, { filename: file }).runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, local, module, file, dirname(file));
  return module.exports;
}

/**
 * The version of the package `name` whose file `entry` is (its main file): from the nearest
 * package.json above it that names a package, which must be `name` (a package.json without a name,
 * such as `dist/package.json` declaring a module type, is passed by). Also what the bundle records
 * (scripts/build-time.mjs).
 */
export function installedVersion(entry: string, name: string): string | undefined {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    let manifest: { name?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as typeof manifest;
    } catch {
      continue;
    }
    if (typeof manifest.name === "string") return manifest.name === name && typeof manifest.version === "string" ? manifest.version : undefined;
  }
  return undefined;
}

/**
 * Gives the kind modules beside `kindFile` (in node_modules) `runtime`'s copy of the packages, when
 * node_modules holds exactly the versions it was bundled from and neither is loaded yet; true when
 * it did. Otherwise they load their own, as without a bundle.
 */
export function shareRuntime(kindFile: string, runtime: KindsRuntime): boolean {
  let base: string;
  let validate: string;
  try {
    base = createRequire(kindFile).resolve("@kubernetes-models/base");
    validate = createRequire(base).resolve("@kubernetes-models/validate");
  } catch {
    return false;
  }
  if (installedVersion(base, "@kubernetes-models/base") !== runtime.versions["@kubernetes-models/base"]) return false;
  if (installedVersion(validate, "@kubernetes-models/validate") !== runtime.versions["@kubernetes-models/validate"]) return false;
  const cache = createRequire(kindFile).cache;
  if (cache[base] !== undefined || cache[validate] !== undefined) return false;
  const modules = runtime.modules();
  return provideModule(validate, modules["@kubernetes-models/validate"]) && provideModule(base, modules["@kubernetes-models/base"]);
}
