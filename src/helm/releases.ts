/**
 * Per-release output of one environment: a values file for each chart release, a directory of
 * plain manifests for each `local` release. A release that is not installed in the environment
 * still gets its values file (empty) so that Helmfile's paths always resolve.
 */
import type { Environment, Platform, Release } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { header } from "../core/files.ts";
import { orderKubeObject, yamlFile } from "../core/yaml.ts";
import { isEnabled } from "../core/model/derive.ts";
import { valuesAdapters } from "./charts/index.ts";
import { manifestBuilders } from "./manifests/index.ts";
import { manifestDir, valuesPath } from "./helmfile.ts";
import type { KubeObject } from "./manifests/kube.ts";

/** File name of one object inside a manifest directory: `<kind>-<namespace>-<name>.yaml`. */
export function manifestFileName(object: KubeObject): string {
  const ns = object.metadata.namespace ? `${object.metadata.namespace}-` : "";
  return `${object.kind.toLowerCase()}-${ns}${object.metadata.name}.yaml`;
}

function emitValues(platform: Platform, env: Environment, release: Release): FileRecord {
  const path = valuesPath(env.name, release.name);
  if (!isEnabled(env, release)) {
    return { path, content: `${header("#")}# ${release.name} is not installed in ${env.name}.\n{}\n`, env: env.name };
  }
  const adapter = valuesAdapters[release.adapter];
  if (!adapter) throw new Error(`release "${release.name}" names values adapter "${release.adapter}", which does not exist`);
  return { path, content: yamlFile(adapter({ platform, env })), env: env.name };
}

function emitManifests(platform: Platform, env: Environment, release: Release): FileRecord[] {
  if (!isEnabled(env, release)) return [];
  const builder = manifestBuilders[release.adapter];
  if (!builder) throw new Error(`release "${release.name}" names manifest builder "${release.adapter}", which does not exist`);
  const dir = manifestDir(env.name, release.name);
  const seen = new Set<string>();
  return builder({ platform, env }).map((object) => {
    const path = `${dir}/${manifestFileName(object)}`;
    if (seen.has(path)) throw new Error(`release "${release.name}" builds two objects that map to ${path}`);
    seen.add(path);
    return { path, content: yamlFile(orderKubeObject(object)), env: env.name };
  });
}

export function emitReleases(platform: Platform, env: Environment): FileRecord[] {
  return platform.releases.flatMap((release) =>
    release.chart === "local" ? emitManifests(platform, env, release) : [emitValues(platform, env, release)],
  );
}
