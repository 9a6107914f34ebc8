/**
 * `helmfile.yaml.gotmpl` (Helmfile v1): environments in the first part, then repositories and
 * releases. Versions and the installed flag come from `environments/<env>.yaml`, so one
 * helmfile serves every environment and a version can differ between them.
 */
import type { GitRepository, Platform, Release } from "../core/model/types.ts";
import { header, type FileRecord } from "../core/files.ts";
import { yamlWithComments } from "../core/yaml.ts";
import { namespaceOf } from "../core/model/derive.ts";
import { derivedNeeds } from "./needs.ts";

/** Where a local release's manifests are written, relative to the output root. */
export function manifestDir(env: string, release: string): string {
  return `manifests/${env}/${release}`;
}

/** Where a release's values are written for one environment. */
export function valuesPath(env: string, release: string): string {
  return `values/${env}/${release}.yaml`;
}

/** A chart read from a git tag by Helmfile's go-getter. */
function gitChart(repo: GitRepository, name: string, version: string): string {
  return `git::${repo.url}@${repo.chartsPath}/${name}?ref=${repo.tagPrefix}${version}`;
}

function releaseSpec(platform: Platform, release: Release, needs: readonly string[]): Record<string, unknown> {
  const envName = "{{ .Environment.Name }}";
  const { chart } = release;
  const isLocal = chart === "local";
  const git = chart === "local" ? undefined : platform.gitRepositories?.[chart.repo];
  const version = `{{ index .Values "${release.name}" "version" }}`;
  return {
    name: release.name,
    namespace: release.namespace,
    chart: chart === "local" ? `./${manifestDir(envName, release.name)}` : git ? gitChart(git, chart.name, version) : `${chart.repo}/${chart.name}`,
    version: isLocal || git ? undefined : version,
    condition: `${release.name}.enabled`,
    needs: needs.length ? needs.map((n) => `${namespaceOf(platform, n)}/${n}`) : undefined,
    values: isLocal ? undefined : [valuesPath(envName, release.name)],
  };
}

/** `needs`: the derived needs, when the caller derived them already (generation does, environment by environment). */
export function emitHelmfile(platform: Platform, needs: ReadonlyMap<string, string[]> = derivedNeeds(platform)): FileRecord {
  const environments = Object.fromEntries(
    platform.environments.map((env) => [env.name, { values: [`environments/${env.name}.yaml`] }]),
  );
  const usedRepos = new Set(platform.releases.flatMap((r) => (r.chart === "local" ? [] : [r.chart.repo])));
  const repositories = Object.entries(platform.repositories)
    .filter(([name]) => usedRepos.has(name))
    // Helmfile marks an OCI registry with `oci: true` and wants its URL without the scheme.
    .map(([name, url]) => (url.startsWith("oci://") ? { name, url: url.slice("oci://".length).replace(/\/+$/, ""), oci: true } : { name, url }));
  const body = {
    helmDefaults: { wait: true, timeout: 600, createNamespace: true },
    repositories,
    releases: platform.releases.map((r) => releaseSpec(platform, r, needs.get(r.name) ?? r.needs)),
  };
  return { path: "helmfile.yaml.gotmpl", ...yamlWithComments(header("#"), [{ environments }, body]) };
}
