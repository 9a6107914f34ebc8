import {
  UsageError
} from "./chunk-FIK2LZX5.mjs";

// src/cli/load-model.ts
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
function looksLikePlatform(value) {
  if (typeof value !== "object" || value === null) return false;
  const v = value;
  return typeof v.name === "string" && Array.isArray(v.environments) && Array.isArray(v.releases);
}
async function loadModel(modulePath, cwd) {
  if (modulePath === void 0) return (await import("./streamforge-6TLXEMHB.mjs")).streamforge;
  const url = pathToFileURL(resolve(cwd, modulePath)).href;
  let mod;
  try {
    mod = await import(url);
  } catch (error) {
    throw new UsageError(`cannot load model module ${modulePath}: ${error.message}`);
  }
  const candidate = mod.default ?? mod.platform;
  if (!looksLikePlatform(candidate)) {
    throw new UsageError(`${modulePath}: expected a default (or \`platform\`) export of type Platform with name, releases and environments`);
  }
  return candidate;
}

export {
  loadModel
};
