/**
 * What the Helm emitters compute of one environment: the values of each installed chart release
 * and the objects of each installed local release. The helmfile's derived needs and the values and
 * manifest files read the same data; generation builds it once per environment and hands it to
 * both, where each used to build it again. A build lives for one generation run, never cached on
 * the model, so a model changed between two runs is never answered from the earlier one.
 */
import type { Environment, Platform, Release } from "../core/model/types.ts";
import { isEnabled } from "../core/model/derive.ts";
import type { Values } from "./charts/adapter.ts";
import { runManifestBuilder, runValuesAdapter } from "./adapters.ts";
import type { KubeObject, ManifestContext } from "./manifests/kube.ts";

/** The values of each chart release installed in `env`, each adapter run once. */
function releaseValues(platform: Platform, env: Environment): Map<string, Values> {
  const values = new Map<string, Values>();
  for (const release of platform.releases) {
    if (release.chart === "local" || !isEnabled(env, release)) continue;
    values.set(release.name, runValuesAdapter(platform, env, release));
  }
  return values;
}

/** What the manifest builders of `env` see; the values are computed here once. */
export function manifestContext(platform: Platform, env: Environment): ManifestContext {
  return { platform, env, values: releaseValues(platform, env) };
}

/** One environment's values and local objects, each built on first use. */
export class EnvironmentBuild {
  readonly ctx: ManifestContext;
  private readonly built = new Map<string, KubeObject[]>();

  constructor(platform: Platform, env: Environment) {
    this.ctx = manifestContext(platform, env);
  }

  /** The objects of a local release (its builder run once); callers must not change them. */
  objects(release: Release): KubeObject[] {
    let objects = this.built.get(release.name);
    if (!objects) {
      objects = runManifestBuilder(this.ctx, release);
      this.built.set(release.name, objects);
    }
    return objects;
  }
}
