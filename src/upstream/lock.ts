/**
 * The lock file (`versions.lock.yaml`): where each pinned chart version comes from. A Helm chart
 * names its repository and, once `streamforge pull` has fetched it from there, the archive URL and
 * the digest the repository's `index.yaml` gives (checked on every later pull). A chart in an OCI
 * registry (`repository: oci://...`) records its reference, the manifest's digest (checked on
 * every later pull, as the index digest is) and the chart archive's digest; a chart read from
 * git names the repository, the tag and the chart's folder. The set of entries follows the
 * model's pins; only `pull` adds digests, so the file holds nothing the code did not derive or
 * check.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { Platform } from "../core/model/types.ts";

export const LOCK_PATH = "versions.lock.yaml";

export interface HelmLockEntry {
  /** A Helm repository URL, or an OCI registry path `oci://<registry>/<path>`. */
  repository: string;
  /**
   * Archive URL as the index lists it (absolute), or for OCI the reference
   * `oci://<registry>/<path>/<chart>:<tag>`; present once pulled from the repository.
   */
  url?: string;
  /** `sha256:<hex>` of the archive, from the index (and checked against the download); for OCI, of the manifest. */
  digest?: string;
  /** OCI only: `sha256:<hex>` of the chart archive (the manifest's chart layer), to check a `--from` archive offline. */
  chartDigest?: string;
}

export interface GitLockEntry {
  git: string;
  ref: string;
  path: string;
}

export type LockEntry = HelmLockEntry | GitLockEntry;

/** Entries by chart name, then version. */
export type Lock = Record<string, Record<string, LockEntry>>;

export const isGitEntry = (entry: LockEntry): entry is GitLockEntry => "git" in entry;

/** A malformed lock file: names the file, the entry and what was expected. */
export class LockError extends Error {
  override name = "LockError";
}

/** Where one pinned chart version comes from, as the model says (no digest). */
export interface PinnedSource {
  release: string;
  chart: string;
  version: string;
  entry: LockEntry;
  /** Fetch from this Helm repository URL (a mirror) instead of the entry's; the lock keeps the entry's. */
  mirror?: string;
}

/** Every (chart, version) the platform pins in any environment, with its source; sorted. */
export function pinnedSources(platform: Platform): PinnedSource[] {
  const out = new Map<string, PinnedSource>();
  for (const env of platform.environments) {
    for (const release of platform.releases) {
      if (release.chart === "local") continue;
      const version = env.versions[release.name];
      if (version === undefined) continue;
      const { repo, name } = release.chart;
      const git = platform.gitRepositories?.[repo];
      const entry: LockEntry = git
        ? { git: git.url, ref: `${git.tagPrefix ?? ""}${version}`, path: `${git.chartsPath}/${name}` }
        : { repository: platform.repositories[repo] ?? "" };
      const key = `${name}@${version}`;
      if (!out.has(key)) out.set(key, { release: release.name, chart: name, version, entry });
    }
  }
  return [...out.values()].sort((a, b) => (a.chart === b.chart ? a.version.localeCompare(b.version) : a.chart.localeCompare(b.chart)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Parses lock text; `file` names it in errors. */
export function parseLock(text: string, file = LOCK_PATH): Lock {
  // Every scalar of the lock is a string: read it so (a version key 1.10 must not become 1.1).
  const data = parse(text, { schema: "failsafe" }) as unknown;
  if (data === null || data === undefined || data === "") return {};
  if (!isObject(data) || !isObject(data.charts ?? {})) throw new LockError(`${file}: expected a map with a \`charts\` map`);
  const lock: Lock = {};
  for (const [chart, versions] of Object.entries((data.charts ?? {}) as Record<string, unknown>)) {
    if (!isObject(versions)) throw new LockError(`${file}: /charts/${chart}: expected a map of versions`);
    for (const [version, raw] of Object.entries(versions)) {
      const at = `${file}: /charts/${chart}/${version}`;
      if (!isObject(raw)) throw new LockError(`${at}: expected a map`);
      const str = (key: string) => {
        const value = raw[key];
        if (value !== undefined && typeof value !== "string") throw new LockError(`${at}/${key}: expected a string`);
        return value as string | undefined;
      };
      let entry: LockEntry;
      if (str("git") !== undefined) {
        const ref = str("ref");
        const path = str("path");
        if (ref === undefined || path === undefined) throw new LockError(`${at}: a git entry needs \`ref\` and \`path\``);
        entry = { git: str("git")!, ref, path };
      } else {
        const repository = str("repository");
        if (repository === undefined) throw new LockError(`${at}: expected \`repository\` (a Helm repository URL) or \`git\``);
        const digest = str("digest");
        if (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest)) throw new LockError(`${at}/digest: expected sha256:<64 hex digits>, got "${digest}"`);
        const chartDigest = str("chartDigest");
        if (chartDigest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(chartDigest)) throw new LockError(`${at}/chartDigest: expected sha256:<64 hex digits>, got "${chartDigest}"`);
        if (chartDigest !== undefined && !repository.startsWith("oci://")) throw new LockError(`${at}/chartDigest: only an OCI entry (repository oci://...) has one`);
        entry = { repository, ...(str("url") !== undefined ? { url: str("url")! } : {}), ...(digest !== undefined ? { digest } : {}), ...(chartDigest !== undefined ? { chartDigest } : {}) };
      }
      (lock[chart] ??= {})[version] = entry;
    }
  }
  return lock;
}

export function readLock(root: string): Lock {
  const path = join(root, LOCK_PATH);
  return existsSync(path) ? parseLock(readFileSync(path, "utf8")) : {};
}

const HEADER = `# Where each pinned chart version comes from. Written by \`streamforge pull\` (digests from each
# Helm repository's index.yaml, or of an OCI chart's manifest, checked on every pull); entries follow the pins in versions.yaml.
# A Helm entry without a digest has not been pulled from its repository yet.
`;

/** The lock's text: charts and versions sorted, keys in a fixed order. */
export function lockText(lock: Lock): string {
  const charts: Record<string, Record<string, LockEntry>> = {};
  for (const chart of Object.keys(lock).sort()) {
    const versions = lock[chart]!;
    charts[chart] = {};
    for (const version of Object.keys(versions).sort()) {
      const e = versions[version]!;
      charts[chart]![version] = isGitEntry(e)
        ? { git: e.git, ref: e.ref, path: e.path }
        : { repository: e.repository, ...(e.url ? { url: e.url } : {}), ...(e.digest ? { digest: e.digest } : {}), ...(e.chartDigest ? { chartDigest: e.chartDigest } : {}) };
    }
  }
  return HEADER + stringify({ charts }, { lineWidth: 0 });
}

/**
 * The entry for a chart version whose source the model gives as `entry`: the recorded one
 * (with its URL and digest) while it names the same Helm repository or registry path, else
 * `entry` itself (a moved source starts without a digest).
 */
export function lockedEntry(lock: Lock, chart: string, version: string, entry: LockEntry): LockEntry {
  const old = lock[chart]?.[version];
  return old && !isGitEntry(old) && !isGitEntry(entry) && old.repository === entry.repository ? { ...entry, ...old } : entry;
}

/**
 * The lock for the platform's current pins: one entry per pinned chart version, keeping the
 * recorded URL and digest of a Helm entry whose repository is unchanged.
 */
export function syncLock(lock: Lock, platform: Platform): Lock {
  const out: Lock = {};
  for (const { chart, version, entry } of pinnedSources(platform)) (out[chart] ??= {})[version] = lockedEntry(lock, chart, version, entry);
  return out;
}
