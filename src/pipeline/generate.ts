/**
 * The whole generator as a pure function: model in, file records out. No disk, no process.
 * Every emitter is called from here; the writer and `--check` consume the result.
 */
import type { Platform } from "../core/model/types.ts";
import { type FileRecord, regenerateCommands, sortRecords, withCommand } from "../core/files.ts";
import { emitHelmfile } from "../helm/helmfile.ts";
import { emitEnvironment } from "../helm/environments.ts";
import { emitReleases } from "../helm/releases.ts";
import { emitDns } from "../dns/emit.ts";
import { emitKubespray } from "../kubespray/emit.ts";
import { emitProxmox } from "../proxmox/emit.ts";
import { emitGitlabCi } from "../gitlab-ci/emit.ts";
import { emitDocs } from "../docs/emit.ts";

/** A per-environment emitter; later layers (Kubespray, Proxmox, DNS) plug in here. */
export type EnvironmentEmitter = (platform: Platform, env: Platform["environments"][number]) => FileRecord[];

const environmentEmitters: EnvironmentEmitter[] = [
  (platform, env) => [emitEnvironment(platform, env)],
  emitReleases,
  emitDns,
  emitKubespray,
  emitProxmox,
];

/** Every file the platform generates, sorted by path. */
export function generate(platform: Platform): FileRecord[] {
  // Files shared by every environment (no `env`).
  const records: FileRecord[] = [emitHelmfile(platform), ...emitGitlabCi(platform), ...emitDocs(platform)];
  for (const env of platform.environments) {
    for (const emit of environmentEmitters) records.push(...emit(platform, env));
  }
  const paths = new Set<string>();
  for (const record of records) {
    if (paths.has(record.path)) throw new Error(`two emitters write ${record.path}`);
    paths.add(record.path);
  }
  const { gen } = regenerateCommands(platform);
  return sortRecords(records.map((r) => withCommand(r, gen)));
}
