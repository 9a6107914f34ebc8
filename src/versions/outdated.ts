/**
 * `outdated`: for each chart release and environment, the pinned version against what its
 * Helm repository publishes, and the newest version whose `kubeVersion` accepts the cluster.
 * An OCI registry (`oci://`) publishes tags, not an index: its versions are the chart's tags
 * (Helm's `_` read back as `+`), and their `kubeVersion` is not known without a pull of each.
 */
import semver from "semver";
import type { Platform } from "../core/model/types.ts";
import { isEnabled } from "../core/model/derive.ts";
import { chartEntries, fetchIndex, indexUrl, RepositoryError, type FetchOptions, type IndexEntry } from "./helm-index.ts";
import { chartRepository, isOciUrl, OciClient, OciError, versionOfTag } from "../upstream/oci.ts";

type UpdateKind = "patch" | "minor" | "major";

export interface OutdatedRow {
  release: string;
  env: string;
  chart: string;
  repository: string;
  current: string;
  latestPatch?: string;
  latestMinor?: string;
  latestMajor?: string;
  /** The newest published version whose `kubeVersion` accepts the environment's Kubernetes. */
  newestCompatible?: string;
  /** The largest kind of update available, if any. */
  update?: UpdateKind;
  /** The source lists versions without their `kubeVersion` (an OCI registry's tags): `newestCompatible` is not known. */
  kubeVersionUnknown?: true;
}

interface OutdatedReport {
  rows: OutdatedRow[];
  /** Releases whose chart comes from a git tag, not a Helm repository index: not checked. */
  skipped: Array<{ release: string; env: string; source: string }>;
  errors: Array<{ repository: string; url: string; message: string }>;
}

interface OutdatedOptions extends FetchOptions {
  /** How many repositories are fetched at once. */
  concurrency: number;
  /** Repository URL overrides by alias (mirrors, tests). */
  repoUrls?: Record<string, string>;
  env?: string;
  /** Called as each repository finishes: for a progress display. */
  onProgress?: (done: number, total: number, repository: string) => void;
}

/** Versions as semver, keeping the chart's own spelling (`v1.18.2`) for display. */
function parsed(entries: IndexEntry[]): Array<IndexEntry & { sv: semver.SemVer }> {
  return entries.flatMap((e) => {
    const sv = semver.parse(e.version.replace(/^v/, ""));
    return sv && sv.prerelease.length === 0 ? [{ ...e, sv }] : [];
  });
}

function newest<T extends { sv: semver.SemVer }>(list: T[]): T | undefined {
  return list.reduce<T | undefined>((best, e) => (best === undefined || semver.gt(e.sv, best.sv) ? e : best), undefined);
}

/** The row for one pinned version against a chart's published versions. */
export function compareVersions(current: string, entries: IndexEntry[], kubernetesVersion: string): Omit<OutdatedRow, "release" | "env" | "chart" | "repository"> {
  const cur = semver.parse(current.replace(/^v/, ""));
  const all = parsed(entries);
  const row: Omit<OutdatedRow, "release" | "env" | "chart" | "repository"> = { current };
  if (!cur) return row;
  const newer = all.filter((e) => semver.gt(e.sv, cur));
  row.latestPatch = newest(newer.filter((e) => e.sv.major === cur.major && e.sv.minor === cur.minor))?.version;
  row.latestMinor = newest(newer.filter((e) => e.sv.major === cur.major && e.sv.minor > cur.minor))?.version;
  row.latestMajor = newest(newer.filter((e) => e.sv.major > cur.major))?.version;
  row.newestCompatible = newest(
    all.filter((e) => e.kubeVersion === undefined || semver.satisfies(kubernetesVersion, e.kubeVersion, { includePrerelease: true })),
  )?.version;
  row.update = row.latestMajor ? "major" : row.latestMinor ? "minor" : row.latestPatch ? "patch" : undefined;
  return row;
}

/** Runs `worker` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await worker(items[next++]!);
  });
  await Promise.all(lanes);
}

export async function outdated(platform: Platform, options: OutdatedOptions): Promise<OutdatedReport> {
  const envs = platform.environments.filter((e) => options.env === undefined || e.name === options.env);
  const fromGit = (repo: string) => platform.gitRepositories?.[repo] !== undefined;
  const repos = [...new Set(platform.releases.flatMap((r) => (r.chart === "local" || fromGit(r.chart.repo) ? [] : [r.chart.repo])))].sort();
  const skipped: OutdatedReport["skipped"] = [];
  const indexes = new Map<string, unknown>();
  const errors: OutdatedReport["errors"] = [];
  let done = 0;
  const oci = new OciClient({ timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: 100 });
  await pool(repos, options.concurrency, async (repo) => {
    const url = options.repoUrls?.[repo] ?? platform.repositories[repo];
    try {
      if (url === undefined) throw new RepositoryError(repo, "", `no URL for repository "${repo}"`);
      indexes.set(repo, isOciUrl(url) ? await ociIndex(oci, url, chartsOf(platform, repo)) : await fetchIndex(repo, url, options));
    } catch (error) {
      if (error instanceof OciError) errors.push({ repository: repo, url: error.reference, message: error.reason });
      else {
        const e = error as RepositoryError;
        errors.push({ repository: repo, url: e.url ?? url ?? "", message: e.message });
      }
    }
    options.onProgress?.(++done, repos.length, repo);
  });
  const rows: OutdatedRow[] = [];
  for (const env of envs) {
    for (const release of platform.releases) {
      if (release.chart === "local" || !isEnabled(env, release)) continue;
      const git = platform.gitRepositories?.[release.chart.repo];
      if (git) {
        skipped.push({ release: release.name, env: env.name, source: git.url });
        continue;
      }
      const index = indexes.get(release.chart.repo);
      const current = env.versions[release.name];
      if (index === undefined || current === undefined) continue;
      const base = { release: release.name, env: env.name, chart: release.chart.name, repository: release.chart.repo };
      try {
        if (index instanceof OciTags) {
          const { newestCompatible: _unknown, ...row } = compareVersions(current, index.entries(release.chart.name), env.cluster.kubernetesVersion);
          rows.push({ ...base, ...row, kubeVersionUnknown: true });
          continue;
        }
        rows.push({ ...base, ...compareVersions(current, chartEntries(index, release.chart.name), env.cluster.kubernetesVersion) });
      } catch (error) {
        const { repo, name } = release.chart;
        const message = `${name}: ${(error as Error).message}`;
        if (!errors.some((e) => e.repository === repo && e.message === message)) {
          errors.push({ repository: repo, url: indexUrl(options.repoUrls?.[repo] ?? platform.repositories[repo] ?? ""), message });
        }
      }
    }
  }
  errors.sort((a, b) => a.repository.localeCompare(b.repository));
  return { rows, skipped, errors };
}

/** The chart names releases take from repository `repo`. */
function chartsOf(platform: Platform, repo: string): string[] {
  return [...new Set(platform.releases.flatMap((r) => (r.chart !== "local" && r.chart.repo === repo ? [r.chart.name] : [])))].sort();
}

/** The versions an OCI registry path publishes, by chart: each chart is a repository of its own. */
class OciTags {
  constructor(private readonly byChart: Record<string, IndexEntry[]>) {}
  entries(chart: string): IndexEntry[] {
    return this.byChart[chart] ?? [];
  }
}

async function ociIndex(client: OciClient, url: string, charts: string[]): Promise<OciTags> {
  const byChart: Record<string, IndexEntry[]> = {};
  for (const chart of charts) byChart[chart] = (await client.tags(chartRepository(url, chart))).map((tag) => ({ version: versionOfTag(tag) }));
  return new OciTags(byChart);
}

/** Whether a report has an update at least as large as `level`. */
export function exceeds(report: OutdatedReport, level: "minor" | "major"): boolean {
  return report.rows.some((r) => r.update === "major" || (level === "minor" && r.update === "minor"));
}
