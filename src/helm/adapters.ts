/**
 * Runs the adapter a release names: the package's own (`charts/`, `manifests/`) or one the
 * platform carries (`withAdapters`). A failure becomes an `AdapterError` naming the release and
 * the environment, never an anonymous exception from deep inside the generator.
 */
import type { Environment, Platform, Release } from "../core/model/types.ts";
import { ownAdapter } from "../core/model/extensions.ts";
import { lookup } from "../core/model/lookup.ts";
import { AdapterError } from "../core/errors.ts";
import { valuesAdapter } from "./charts/index.ts";
import type { Values } from "./charts/adapter.ts";
import { manifestBuilders } from "./manifests/index.ts";
import type { KubeObject, ManifestContext } from "./manifests/kube.ts";

function fail(platform: Platform, env: Environment, release: Release, problem: string, cause?: unknown): AdapterError {
  return new AdapterError(release.name, platform.releases.indexOf(release), release.adapter, env.name, problem, cause === undefined ? undefined : { cause });
}

const described = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The values of a chart release in `env`. */
export function runValuesAdapter(platform: Platform, env: Environment, release: Release): Values {
  const builtin = valuesAdapter(release.adapter);
  const own = builtin ? undefined : ownAdapter(platform, release.adapter);
  const adapter = builtin ?? (own?.kind === "values" ? own.values : undefined);
  if (!adapter) throw fail(platform, env, release, "does not exist (neither the package nor the platform defines it)");
  let values: unknown;
  try {
    values = adapter({ platform, env });
  } catch (error) {
    throw fail(platform, env, release, `failed: ${described(error)}`, error);
  }
  if (typeof values !== "object" || values === null || Array.isArray(values)) throw fail(platform, env, release, `returned ${Array.isArray(values) ? "a list" : String(values)}, not an object of values`);
  return values;
}

/** The objects of a local release in `env`. */
export function runManifestBuilder(ctx: ManifestContext, release: Release): KubeObject[] {
  const { platform, env } = ctx;
  const builtin = lookup(manifestBuilders, release.adapter);
  const own = builtin ? undefined : ownAdapter(platform, release.adapter);
  const build = builtin ?? (own?.kind === "manifests" ? own.build : undefined);
  if (!build) throw fail(platform, env, release, "does not exist (neither the package nor the platform defines it)");
  let objects: unknown;
  try {
    objects = build(ctx);
  } catch (error) {
    throw fail(platform, env, release, `failed: ${described(error)}`, error);
  }
  if (!Array.isArray(objects)) throw fail(platform, env, release, "returned no list of objects");
  objects.forEach((o: unknown, i) => {
    const object = o as Partial<KubeObject> | null;
    if (typeof object !== "object" || object === null || typeof object.apiVersion !== "string" || typeof object.kind !== "string" || typeof object.metadata?.name !== "string") {
      throw fail(platform, env, release, `returned object ${i} without apiVersion, kind and metadata.name`);
    }
  });
  return objects as KubeObject[];
}
