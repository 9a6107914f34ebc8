/** Loads the platform model: the embedded StreamForge one, or another from a module (`--model`). */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Environment, Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { UsageError } from "../core/errors.ts";

function looksLikePlatform(value: unknown): value is Platform {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && Array.isArray(v.environments) && Array.isArray(v.releases);
}

/** A TypeScript module node 20 cannot import on its own. */
export const isTypeScript = (path: string): boolean => /\.(c|m)?tsx?$/.test(path);

/**
 * Imports a model module. A TypeScript model goes through tsx's scoped loader (`tsImport`), so a
 * consumer runs `streamforge gen --model ./platform.ts` with plain node and no loader setup of its
 * own; the hook applies to that import only, not to the rest of the process.
 */
export async function importModule(url: string, path: string): Promise<Record<string, unknown>> {
  if (!isTypeScript(path)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import("tsx/esm/api");
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

async function load(modulePath: string, cwd: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(cwd, modulePath)).href;
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(url, modulePath);
  } catch (error) {
    throw new UsageError(`cannot load model module ${modulePath}: ${(error as Error).message}`);
  }
  return esModuleView(mod);
}

/**
 * A TypeScript module outside an ES-module package (no `"type": "module"` above it) is CommonJS
 * to tsx: its namespace's `default` is the whole `module.exports`, marked `__esModule`, and the
 * module's own default export sits one level down. Seen as the ES module it was written as.
 */
function esModuleView(mod: Record<string, unknown>): Record<string, unknown> {
  const inner = mod.default;
  if (typeof inner !== "object" || inner === null || (inner as { __esModule?: unknown }).__esModule !== true) return mod;
  return { ...mod, default: (inner as { default?: unknown }).default };
}

function isFileRecord(value: unknown): value is FileRecord {
  return typeof value === "object" && value !== null && typeof (value as FileRecord).path === "string" && typeof (value as FileRecord).content === "string";
}

/** A service repository's module: a `service` export built with the service kit. */
export interface ServiceModule {
  files: FileRecord[];
  platform: Platform;
  env: Environment;
}

/**
 * What `gen`/`lint --model` work on: a platform, or a service repository's module exporting
 * `service` (a `ServiceKit`, with `files()` holding everything the repository commits).
 */
export async function loadGenerable(modulePath: string | undefined, cwd: string): Promise<{ platform: Platform } | { service: ServiceModule }> {
  if (modulePath === undefined) return { platform: await loadModel(undefined, cwd) };
  const mod = await load(modulePath, cwd);
  const service = mod.service as { files?: unknown; platform?: unknown; env?: unknown } | undefined;
  if (service !== undefined && !looksLikePlatform(mod.default ?? mod.platform)) {
    const files: unknown = typeof service.files === "function" ? (service.files as () => unknown)() : undefined;
    if (!Array.isArray(files) || !files.every(isFileRecord) || !looksLikePlatform(service.platform)) {
      throw new UsageError(`${modulePath}: \`service\` must be a ServiceKit (serviceKit() of @streamforge/platform/service-kit)`);
    }
    return { service: { files, platform: service.platform, env: service.env as Environment } };
  }
  return { platform: platformOf(mod, modulePath) };
}

export async function loadModel(modulePath: string | undefined, cwd: string): Promise<Platform> {
  if (modulePath === undefined) return (await import("../platform/streamforge.ts")).streamforge;
  return platformOf(await load(modulePath, cwd), modulePath);
}

function platformOf(mod: Record<string, unknown>, modulePath: string): Platform {
  const candidate = mod.default ?? mod.platform;
  if (!looksLikePlatform(candidate)) {
    throw new UsageError(`${modulePath}: expected a default (or \`platform\`) export of type Platform with name, releases and environments`);
  }
  return candidate;
}
