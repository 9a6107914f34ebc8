/**
 * `streamforge pull`: fills the upstream cache with the files of pinned chart versions, the way
 * Helm fetches a chart. For a Helm repository: its `index.yaml`, the version's archive URL, the
 * archive's sha256 checked against the index's digest and against the lock file (or recorded in
 * it); for a chart in an OCI registry (`oci://`): the tag's manifest, its chart layer's blob checked
 * against the layer digest, and the manifest digest checked against the lock file (or recorded
 * there), see `oci.ts`; for a chart kept in git: the tag's source archive. Only the files derivations read are
 * unpacked (Chart.yaml, values, value schemas, CRDs, and the same of subcharts, whose nested
 * archives are unpacked too). `--from` reads a chart archive or a folder instead of the network.
 *
 * Archives are read with `tar` (node-tar, the npm CLI's own tar): it unpacks gzip streams,
 * refuses absolute and `..` paths, and lets a filter pick regular files only.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { parse } from "yaml";
import * as tar from "tar";
import { chartCacheDir } from "../core/cache.ts";
import { DEFAULT_FETCH, FetchError, fetchBytes, type FetchOptions } from "./fetch.ts";
import { isGitEntry, lockedEntry, type GitLockEntry, type HelmLockEntry, type Lock, type PinnedSource } from "./lock.ts";
import { chartRepository, isOciUrl, OciClient, OciError } from "./oci.ts";

/** One chart version that could not be pulled, and why (one line). */
export interface PullFailure {
  chart: string;
  version: string;
  /** The repository (or git URL, or --from source) it was to come from. */
  source: string;
  reason: string;
}

export interface PullResult {
  pulled: Array<{ chart: string; version: string; from: string }>;
  failed: PullFailure[];
  /** The lock with the digests recorded by this pull. */
  lock: Lock;
}

export interface PullOptions {
  cache: string;
  lock: Lock;
  /** A chart archive, or a folder holding `charts/<chart>/<version>/` or one chart's files. */
  from?: string;
  fetch?: FetchOptions;
}

/** A failure of one chart version; the message is the reason. */
class PullError extends Error {}

/** Whether a path inside a chart (relative to its root) is read by a derivation. */
export function isNeededChartFile(rel: string): boolean {
  const parts = rel.split("/");
  // A subchart's files are judged like the parent's.
  while (parts[0] === "charts" && parts.length > 2) parts.splice(0, 2);
  if (parts[0] === "charts") return parts.length === 2 && /\.tgz$/.test(parts[1]!);
  // Chart.template.yaml: a chart folder in git whose release fills in the versions (cert-manager).
  if (parts.length === 1) return ["Chart.yaml", "Chart.template.yaml", "values.yaml", "values.schema.json", "values.openapiv3_schema.yaml"].includes(parts[0]!);
  if (parts[0] === "crds") return /\.(ya?ml|json)$/.test(rel);
  if (parts[0] === "schemas") return rel.endsWith(".json");
  return false;
}

const sha256 = (bytes: Buffer) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

/**
 * Unpacks the needed files of a chart inside a (gzipped) tar archive into `dir`. The chart is
 * the archive's top-level folder (a Helm chart archive), or `subPath` inside it (a git tag's
 * source archive: `<repo>-<tag>/charts/piraeus/`).
 */
async function unpackChart(archive: string, dir: string, subPath = ""): Promise<number> {
  let count = 0;
  const sub = subPath.split("/").filter(Boolean);
  await tar.x({
    file: archive,
    cwd: dir,
    strip: 1 + sub.length,
    filter: (path, entry) => {
      if ((entry as tar.ReadEntry).type !== "File") return false;
      const parts = path.replace(/^\.\//, "").split("/").slice(1);
      if (sub.some((segment, i) => parts[i] !== segment)) return false;
      const inside = parts.slice(sub.length).join("/");
      const keep = inside !== "" && isNeededChartFile(inside);
      if (keep) count++;
      return keep;
    },
  });
  // Subcharts shipped as archives (`charts/<name>-<version>.tgz`) become folders `charts/<name>/`.
  await unpackSubcharts(dir);
  return count;
}

async function unpackSubcharts(dir: string): Promise<void> {
  const charts = join(dir, "charts");
  if (!existsSync(charts)) return;
  for (const name of readdirSync(charts)) {
    const path = join(charts, name);
    if (name.endsWith(".tgz")) {
      const scratch = mkdtempSync(join(charts, ".unpack-"));
      await unpackChart(path, scratch);
      const chart = parse(readFileSync(join(scratch, "Chart.yaml"), "utf8")) as { name?: string };
      if (!chart?.name) throw new PullError(`subchart archive ${name} has no Chart.yaml name`);
      rmSync(join(charts, chart.name), { recursive: true, force: true });
      renameSync(scratch, join(charts, chart.name));
      rmSync(path);
    } else if (statSync(path).isDirectory() && !name.startsWith(".")) {
      await unpackSubcharts(path);
    }
  }
}

/** Copies the needed files of the chart folder `src` into `dir`. */
function copyChart(src: string, dir: string, rel = ""): number {
  let count = 0;
  for (const name of readdirSync(join(src, rel))) {
    const path = rel ? `${rel}/${name}` : name;
    const full = join(src, path);
    if (statSync(full).isDirectory()) count += copyChart(src, dir, path);
    else if (isNeededChartFile(path)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      cpSync(full, join(dir, path));
      count++;
    }
  }
  return count;
}

/** Checks that a staged chart is the version asked for (its Chart.yaml says so). */
function checkChartYaml(dir: string, chart: string, version: string, origin: string): void {
  const file = join(dir, "Chart.yaml");
  if (!existsSync(file)) throw new PullError(`${origin} has no ${chart}/Chart.yaml`);
  const data = parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown } | null;
  if (data?.name !== chart || String(data?.version) !== version) {
    throw new PullError(`${origin} holds chart ${String(data?.name)} ${String(data?.version)}, not ${chart} ${version}`);
  }
}

interface IndexEntry {
  version: string;
  urls?: string[];
  digest?: string;
}

/** One download of each repository's index per pull. */
class Indexes {
  private readonly cache = new Map<string, Promise<Record<string, IndexEntry[]>>>();
  constructor(private readonly fetch: FetchOptions) {}

  get(repository: string): Promise<Record<string, IndexEntry[]>> {
    let index = this.cache.get(repository);
    if (!index) {
      index = fetchBytes(`${repository.replace(/\/+$/, "")}/index.yaml`, this.fetch).then((bytes) => {
        const data = parse(bytes.toString("utf8")) as { entries?: Record<string, IndexEntry[]> } | null;
        if (!data?.entries) throw new PullError(`${repository}/index.yaml has no \`entries\``);
        return data.entries;
      });
      this.cache.set(repository, index);
    }
    return index;
  }
}

/** The archive of a chart version from its Helm repository, checked against index and lock. */
async function helmArchive(source: PinnedSource, entry: HelmLockEntry, indexes: Indexes, fetch: FetchOptions): Promise<{ bytes: Buffer; url: string; digest: string }> {
  const repository = source.mirror ?? entry.repository;
  const entries = (await indexes.get(repository))[source.chart] ?? [];
  const found = entries.find((e) => String(e.version) === source.version);
  if (!found) throw new PullError(`${repository}/index.yaml lists no ${source.chart} ${source.version}`);
  const href = found.urls?.[0];
  if (!href) throw new PullError(`${repository}/index.yaml gives no URL for ${source.chart} ${source.version}`);
  // Index URLs may be relative to the repository.
  const url = new URL(href, `${repository.replace(/\/+$/, "")}/`).href;
  const bytes = await fetchBytes(url, fetch);
  const digest = sha256(bytes);
  if (found.digest && `sha256:${found.digest}` !== digest) throw new PullError(`${url}: the archive's ${digest} differs from the index's digest sha256:${found.digest}`);
  if (entry.digest && entry.digest !== digest) throw new PullError(`${url}: the archive's ${digest} differs from ${entry.digest} in the lock file`);
  return { bytes, url, digest };
}

/** The URL of a git tag's source archive (GitHub's layout; any host serving it works). */
export function gitArchiveUrl(entry: GitLockEntry): string {
  return `${entry.git.replace(/\.git$/, "")}/archive/refs/tags/${entry.ref}.tar.gz`;
}

/** Finds a chart's files in a `--from` folder: a reference tree, or the chart folder itself. */
function chartFolderIn(from: string, chart: string, version: string): string | undefined {
  // A folder per version: values.yaml is enough (a git checkout may keep a Chart.template.yaml).
  for (const dir of [join(from, "charts", chart, version), join(from, chart, version)]) if (existsSync(join(dir, "values.yaml"))) return dir;
  const file = join(from, "Chart.yaml");
  if (!existsSync(file)) return undefined;
  const data = parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown } | null;
  return data?.name === chart && String(data?.version) === version ? from : undefined;
}

/** Unpacks a chart archive's needed files into `staging` through a scratch file, and checks its Chart.yaml. */
async function unpackArchive(bytes: Buffer, scratch: string, staging: string, source: PinnedSource, origin: string): Promise<void> {
  writeFileSync(scratch, bytes);
  try {
    await unpackChart(scratch, staging);
  } finally {
    rmSync(scratch, { force: true });
  }
  checkChartYaml(staging, source.chart, source.version, origin);
}

/** The chart archive of an OCI registry's tag; the manifest digest checked against the lock. */
async function ociArchive(source: PinnedSource, entry: HelmLockEntry, oci: OciClient): Promise<{ bytes: Buffer; reference: string; digest: string; chartDigest: string }> {
  const registry = source.mirror ?? entry.repository;
  const chart = await oci.pullChart(chartRepository(registry, source.chart), source.version);
  if (entry.digest && entry.digest !== chart.manifestDigest) throw new PullError(`${chart.reference}: the manifest's ${chart.manifestDigest} differs from ${entry.digest} in the lock file`);
  return { bytes: chart.archive, reference: chart.reference, digest: chart.manifestDigest, chartDigest: chart.chartDigest };
}

/** Pulls one chart version into a staging folder; returns where it came from. */
async function stage(source: PinnedSource, staging: string, options: PullOptions, indexes: Indexes, oci: OciClient, lock: Lock): Promise<string> {
  const fetch = options.fetch ?? DEFAULT_FETCH;
  const entry = lockedEntry(lock, source.chart, source.version, source.entry);
  const scratch = join(staging, "..", `${basename(staging)}.archive`);
  if (options.from) {
    if (!existsSync(options.from)) throw new PullError(`--from ${options.from} does not exist`);
    if (statSync(options.from).isFile()) {
      const bytes = readFileSync(options.from);
      // An OCI entry's digest is its manifest's: an archive alone is checked against the chart layer's.
      const locked = isGitEntry(entry) ? undefined : isOciUrl(entry.repository) ? entry.chartDigest : entry.digest;
      if (locked && locked !== sha256(bytes)) throw new PullError(`${options.from}: ${sha256(bytes)} differs from ${locked} in the lock file`);
      await unpackChart(options.from, staging);
      checkChartYaml(staging, source.chart, source.version, options.from);
      return options.from;
    }
    const dir = chartFolderIn(options.from, source.chart, source.version);
    if (!dir) throw new PullError(`no charts/${source.chart}/${source.version}/values.yaml, nor a Chart.yaml of ${source.chart} ${source.version}`);
    copyChart(dir, staging);
    // A folder copied from a git checkout may say another version (cert-manager's Chart.template.yaml); values are what matters.
    if (!existsSync(join(staging, "values.yaml"))) throw new PullError(`${dir} has no values.yaml`);
    return dir;
  }
  if (isGitEntry(entry)) {
    const url = gitArchiveUrl(entry);
    writeFileSync(scratch, await fetchBytes(url, fetch));
    try {
      // GitHub names the archive's top folder <repo>-<tag without "v">: any single top folder will do.
      await unpackChart(scratch, staging, entry.path);
    } finally {
      rmSync(scratch, { force: true });
    }
    checkChartYaml(staging, source.chart, source.version, url);
    return url;
  }
  if (source.mirror !== undefined && isOciUrl(source.mirror) !== isOciUrl(entry.repository)) {
    // The lock's digest must stay comparable: an index digest and a manifest digest are not.
    throw new PullError(`mirror ${source.mirror} is ${isOciUrl(source.mirror) ? "an OCI registry" : "a Helm repository"}, but ${entry.repository} is ${isOciUrl(entry.repository) ? "an OCI registry" : "a Helm repository"}`);
  }
  if (isOciUrl(entry.repository)) {
    const { bytes, reference, digest, chartDigest } = await ociArchive(source, entry, oci);
    await unpackArchive(bytes, scratch, staging, source, reference);
    (lock[source.chart] ??= {})[source.version] = { repository: entry.repository, ...(source.mirror ? {} : { url: reference }), digest, chartDigest };
    return reference;
  }
  const { bytes, url, digest } = await helmArchive(source, entry, indexes, fetch);
  await unpackArchive(bytes, scratch, staging, source, url);
  // A mirror's archive URL is not where the chart comes from: only the digest is recorded then.
  (lock[source.chart] ??= {})[source.version] = { repository: entry.repository, ...(source.mirror ? {} : { url }), digest };
  return url;
}

/**
 * Pulls each source into the cache. A chart version lands in the cache whole or not at all
 * (staged, then renamed); failures are collected, one per chart version.
 */
export async function pull(sources: PinnedSource[], options: PullOptions): Promise<PullResult> {
  const lock: Lock = JSON.parse(JSON.stringify(options.lock)) as Lock;
  const indexes = new Indexes(options.fetch ?? DEFAULT_FETCH);
  const oci = new OciClient(options.fetch ?? DEFAULT_FETCH);
  const result: PullResult = { pulled: [], failed: [], lock };
  mkdirSync(options.cache, { recursive: true });
  for (const source of sources) {
    // The model says where a chart comes from; the lock adds digests only while it agrees.
    const entry = lockedEntry(lock, source.chart, source.version, source.entry);
    const origin = options.from ?? (isGitEntry(entry) ? `${entry.git}@${entry.ref}` : (source.mirror ?? entry.repository));
    const staging = mkdtempSync(join(options.cache, ".pull-"));
    try {
      const from = await stage(source, staging, options, indexes, oci, lock);
      const target = chartCacheDir(options.cache, source.chart, source.version);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(dirname(target), { recursive: true });
      renameSync(staging, target);
      // A URL (http, oci, file) is shown as it is; a path relative to where the command runs.
      const shown = /^[a-z][a-z0-9+.-]*:\/\//i.test(from) ? from : relative(process.cwd(), from) || from;
      result.pulled.push({ chart: source.chart, version: source.version, from: shown });
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!(error instanceof PullError || error instanceof FetchError || error instanceof OciError || (error as Error).name === "TarError")) throw error;
      result.failed.push({ chart: source.chart, version: source.version, source: origin, reason: (error as Error).message });
    }
  }
  return result;
}
