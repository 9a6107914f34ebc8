/**
 * Per-release output of one environment: a values file for each chart release, a directory of
 * plain manifests for each `local` release. A release that is not installed in the environment
 * still gets its values file (empty) so that Helmfile's paths always resolve.
 */
import type { Environment, Platform, Release } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { header } from "../core/files.ts";
import { orderKubeObject, yamlContent } from "../core/yaml.ts";
import { isEnabled } from "../core/model/derive.ts";
import { EnvironmentBuild } from "./environment-build.ts";
import { manifestDir, valuesPath } from "./helmfile.ts";
import type { KubeObject, ManifestContext } from "./manifests/kube.ts";

/** File name of one object inside a manifest directory: `<kind>-<namespace>-<name>.yaml`. */
function manifestFileName(object: KubeObject): string {
  const ns = object.metadata.namespace ? `${object.metadata.namespace}-` : "";
  return `${object.kind.toLowerCase()}-${ns}${object.metadata.name}.yaml`;
}

export { manifestContext } from "./environment-build.ts";

function emitValues(ctx: ManifestContext, release: Release): FileRecord {
  const { env } = ctx;
  const path = valuesPath(env.name, release.name);
  const values = ctx.values.get(release.name);
  if (values === undefined) {
    // The documents of the text, so lint's rules read them without parsing it.
    return { path, content: `${header("#")}# ${release.name} is not installed in ${env.name}.\n{}\n`, documents: [{}], env: env.name };
  }
  return { path, ...yamlContent(values), env: env.name };
}

function emitManifests(build: EnvironmentBuild, release: Release): FileRecord[] {
  const { env } = build.ctx;
  if (!isEnabled(env, release)) return [];
  const dir = manifestDir(env.name, release.name);
  const seen = new Set<string>();
  return build.objects(release).map((object) => {
    const path = `${dir}/${manifestFileName(object)}`;
    if (seen.has(path)) throw new Error(`release "${release.name}" builds two objects that map to ${path}`);
    seen.add(path);
    return { path, ...yamlContent(orderKubeObject(object)), env: env.name };
  });
}

/** `build`: what the generation run built of the environment already (the helmfile's needs read it too). */
export function emitReleases(platform: Platform, env: Environment, build: EnvironmentBuild = new EnvironmentBuild(platform, env)): FileRecord[] {
  return platform.releases.flatMap((release) => (release.chart === "local" ? emitManifests(build, release) : [emitValues(build.ctx, release)]));
}
