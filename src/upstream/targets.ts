/**
 * What `pull` fetches: every pinned chart version whose schema is derived from upstream files,
 * a release's pinned versions, or any version of a chart the platform uses (`<chart>@<version>`,
 * as `bump` asks for a version before pinning it).
 */
import type { Platform } from "../core/model/types.ts";
import { DOCUMENTED_CHARTS } from "../helm/schema/charts.ts";
import { pinnedSources, type LockEntry, type PinnedSource } from "./lock.ts";

/** A target the model cannot resolve; the message says what it knows. */
export class TargetError extends Error {
  override name = "TargetError";
}

/** The source of `chart` at `version`, from the release that uses the chart. */
export function chartSource(platform: Platform, chart: string, version: string): PinnedSource {
  const release = platform.releases.find((r) => r.chart !== "local" && r.chart.name === chart);
  if (!release || release.chart === "local") {
    const names = [...new Set(platform.releases.flatMap((r) => (r.chart === "local" ? [] : [r.chart.name])))].sort();
    throw new TargetError(`no release uses a chart named "${chart}"; charts: ${names.join(", ")}`);
  }
  const git = platform.gitRepositories?.[release.chart.repo];
  const entry: LockEntry = git
    ? { git: git.url, ref: `${git.tagPrefix ?? ""}${version}`, path: `${git.chartsPath}/${chart}` }
    : { repository: platform.repositories[release.chart.repo] ?? "" };
  return { release: release.name, chart, version, entry };
}

/** The sources `pull` fetches for its arguments (none: every upstream-derived pin). */
export function pullTargets(platform: Platform, args: string[]): PinnedSource[] {
  const pinned = pinnedSources(platform);
  if (args.length === 0) return pinned.filter((s) => DOCUMENTED_CHARTS[s.chart]?.version !== s.version);
  const out = new Map<string, PinnedSource>();
  for (const arg of args) {
    const at = arg.lastIndexOf("@");
    if (at > 0) {
      const source = chartSource(platform, arg.slice(0, at), arg.slice(at + 1));
      out.set(`${source.chart}@${source.version}`, source);
      continue;
    }
    const ofRelease = pinned.filter((s) => platform.environments.some((e) => e.versions[arg] === s.version) && platform.releases.some((r) => r.name === arg && r.chart !== "local" && r.chart.name === s.chart));
    if (ofRelease.length === 0) {
      const names = platform.releases.filter((r) => r.chart !== "local").map((r) => r.name);
      throw new TargetError(`"${arg}" is neither a chart release (${names.join(", ")}) nor <chart>@<version>`);
    }
    for (const s of ofRelease) out.set(`${s.chart}@${s.version}`, { ...s, release: arg });
  }
  return [...out.values()];
}
