/**
 * Writes the project's derived data of the infrastructure layers from the reference data of the
 * pinned versions: `schema/kubespray/<tag>/known-vars.json` and
 * `schema/proxmox/<release>/qemu-create.json`. Run after a Kubespray or Proxmox bump:
 *   npm run schema:infra [-- reference-dir]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { deriveKnownVars, knownVarsPath, knownVarsText } from "../src/kubespray/vars-schema.ts";
import { deriveProxmoxParams, proxmoxParamsPath, proxmoxParamsText } from "../src/proxmox/params-schema.ts";
import { softwareVersions } from "../src/platform/versions.ts";
import { PROXMOX_RELEASE } from "../src/proxmox/params.ts";

const root = resolve(import.meta.dirname, "..");
const reference = resolve(process.argv[2] ?? join(root, "../shared/reference"));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}

const tag = softwareVersions.kubespray;
write(knownVarsPath(tag), knownVarsText(deriveKnownVars(join(reference, "kubespray", tag))));
write(proxmoxParamsPath(PROXMOX_RELEASE), proxmoxParamsText(deriveProxmoxParams(join(reference, "proxmox"))));
