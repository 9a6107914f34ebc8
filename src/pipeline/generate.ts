/**
 * The whole generator as a pure function: model in, file records out. No disk, no process.
 * Every emitter is called from here; the writer and `--check` consume the result.
 */
import type { Platform } from "../core/model/types.ts";
import { type FileRecord, regenerateCommands, sortRecords, withCommand } from "../core/files.ts";
import { emitHelmfile } from "../helm/helmfile.ts";
import { emitEnvironment } from "../helm/environments.ts";
import { emitReleases } from "../helm/releases.ts";
import { EnvironmentBuild } from "../helm/environment-build.ts";
import { NeedsDerivation } from "../helm/needs.ts";
import { emitDns } from "../dns/emit.ts";
import { emitKubespray } from "../kubespray/emit.ts";
import { emitProxmox } from "../proxmox/emit.ts";
import { emitGitlabCi } from "../gitlab-ci/emit.ts";
import { emitPrerequisites } from "../helm/prerequisites.ts";
import { emitDocs } from "../docs/emit.ts";

/** A per-environment emitter; later layers (Kubespray, Proxmox, DNS) plug in here. */
type EnvironmentEmitter = (platform: Platform, env: Platform["environments"][number], build: EnvironmentBuild) => FileRecord[];

const environmentEmitters: EnvironmentEmitter[] = [
  (platform, env) => [emitEnvironment(platform, env)],
  (platform, env, build) => emitReleases(platform, env, build),
  emitDns,
  emitKubespray,
  emitProxmox,
  emitPrerequisites,
];

/** Which part of the output to generate. */
export interface GenerateOptions {
  /** Only this environment's files and the shared ones: no other environment's emitters run. */
  env?: string;
}

/** Every file the platform generates (with `env`, that environment's and the shared ones), sorted by path. */
export function generate(platform: Platform, options: GenerateOptions = {}): FileRecord[] {
  // Files shared by every environment (no `env`).
  const docs = emitDocs(platform, options.env === undefined ? {} : { env: options.env });
  const records: FileRecord[] = [];
  // The helmfile's needs come from every environment's values and objects, which the release
  // emitters write: each environment generated is built once, read by both, and dropped after its
  // turn. Another environment (with `env`) is built for the needs only when none built so far has
  // its settings (`needsKey`).
  const needs = new NeedsDerivation(platform);
  const generated = platform.environments.filter((e) => options.env === undefined || e.name === options.env);
  for (const env of generated) {
    const build = new EnvironmentBuild(platform, env);
    needs.add(build);
    for (const emit of environmentEmitters) records.push(...emit(platform, env, build));
  }
  for (const env of platform.environments) if (!generated.includes(env)) needs.addEnvironment(env);
  records.unshift(emitHelmfile(platform, needs.result()), ...emitGitlabCi(platform), ...docs);
  return checked(platform, records);
}

function checked(platform: Platform, records: FileRecord[]): FileRecord[] {
  const paths = new Set<string>();
  for (const record of records) {
    if (paths.has(record.path)) throw new Error(`two emitters write ${record.path}`);
    paths.add(record.path);
  }
  const { gen } = regenerateCommands(platform);
  return sortRecords(records.map((r) => withCommand(r, gen)));
}
