/** Loads the platform model: the embedded StreamForge one, or another from a module (`--model`). */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Platform } from "../core/model/types.ts";
import { UsageError } from "../core/errors.ts";

function looksLikePlatform(value: unknown): value is Platform {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && Array.isArray(v.environments) && Array.isArray(v.releases);
}

export async function loadModel(modulePath: string | undefined, cwd: string): Promise<Platform> {
  if (modulePath === undefined) return (await import("../platform/streamforge.ts")).streamforge;
  const url = pathToFileURL(resolve(cwd, modulePath)).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`cannot load model module ${modulePath}: ${(error as Error).message}`);
  }
  const candidate = mod.default ?? mod.platform;
  if (!looksLikePlatform(candidate)) {
    throw new UsageError(`${modulePath}: expected a default (or \`platform\`) export of type Platform with name, releases and environments`);
  }
  return candidate;
}
