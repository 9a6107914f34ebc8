/** Loads the platform model: the embedded StreamForge one, or another from a module (`--model`). */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Platform } from "../model/types.ts";
import { UsageError } from "../pipeline/gen.ts";

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
async function importModule(url: string, path: string): Promise<Record<string, unknown>> {
  if (!isTypeScript(path)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import("tsx/esm/api");
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

export async function loadModel(modulePath: string | undefined, cwd: string): Promise<Platform> {
  if (modulePath === undefined) return (await import("../platform/streamforge.ts")).streamforge;
  const url = pathToFileURL(resolve(cwd, modulePath)).href;
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(url, modulePath);
  } catch (error) {
    throw new UsageError(`cannot load model module ${modulePath}: ${(error as Error).message}`);
  }
  const candidate = mod.default ?? mod.platform;
  if (!looksLikePlatform(candidate)) {
    throw new UsageError(`${modulePath}: expected a default (or \`platform\`) export of type Platform with name, releases and environments`);
  }
  return candidate;
}
