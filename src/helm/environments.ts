/**
 * `environments/<env>.yaml`: what Helmfile reads per environment: for each release whether it
 * is installed and its pinned version, plus the few facts worth seeing at a glance.
 */
import type { Environment, Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { yamlContent } from "../core/yaml.ts";
import { isEnabled } from "../core/model/derive.ts";

export function emitEnvironment(platform: Platform, env: Environment): FileRecord {
  const data: Record<string, unknown> = {
    environment: env.name,
    domain: env.domain,
    kubernetesVersion: env.cluster.kubernetesVersion,
  };
  for (const release of platform.releases) {
    const entry: Record<string, unknown> = { enabled: isEnabled(env, release) };
    if (release.chart !== "local") {
      const version = env.versions[release.name];
      if (version === undefined) throw new Error(`environment ${env.name} pins no version for release "${release.name}"`);
      entry.version = version;
    }
    data[release.name] = entry;
  }
  return { path: `environments/${env.name}.yaml`, ...yamlContent(data), env: env.name };
}
