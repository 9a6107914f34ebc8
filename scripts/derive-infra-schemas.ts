/**
 * Writes the project's derived data of the infrastructure layers from the upstream cache of the
 * pinned versions: `schema/kubespray/<tag>/known-vars.json` and
 * `schema/proxmox/<release>/qemu-create.json`. Run after a Kubespray or Proxmox bump:
 *   npm run schema:infra [-- <cache-dir>]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { deriveKnownVars, knownVarsPath, knownVarsText } from "../src/kubespray/vars-schema.ts";
import { deriveProxmoxParams, proxmoxParamsPath, proxmoxParamsText } from "../src/proxmox/params-schema.ts";
import { softwareVersions } from "../src/platform/versions.ts";
import { PROXMOX_RELEASE } from "../src/proxmox/params.ts";
import { cacheRoot, requireCached } from "../src/core/cache.ts";

const root = resolve(import.meta.dirname, "..");
const cache = process.argv[2] ? resolve(process.argv[2]) : cacheRoot(root);

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}

try {
  const tag = softwareVersions.kubespray;
  // Derive both before writing either, so a missing input leaves the tree as it was.
  const kubespray = knownVarsText(deriveKnownVars(requireCached(cache, `Kubespray ${tag}`, "kubespray", tag)));
  const proxmox = proxmoxParamsText(deriveProxmoxParams(requireCached(cache, "the Proxmox VE API description", "proxmox")));
  write(knownVarsPath(tag), kubespray);
  write(proxmoxParamsPath(PROXMOX_RELEASE), proxmox);
} catch (error) {
  console.error(`schema:infra: ${(error as Error).message}`);
  process.exit(1);
}
