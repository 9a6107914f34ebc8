import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CommandSpec } from "../args.ts";
import { defineCommand, repositoryUrls } from "../command.ts";
import { UsageError } from "../../core/errors.ts";
import { CACHE_DIR, cacheRoot, chartCacheDir } from "../../core/cache.ts";
import { LOCK_PATH, lockText, readLock, syncLock, type Lock } from "../../upstream/lock.ts";
import { pull as pullCharts, type PullFailure } from "../../upstream/pull.ts";
import { pullTargets, TargetError } from "../../upstream/targets.ts";
import { PINNED_CRDS } from "../../core/schema/crd-catalogue.ts";
import { softwareVersions } from "../../platform/versions.ts";

/** Folders of upstream data besides charts, copied from a `--from` folder: CRDs, Kubespray, Proxmox. */
function sourceFolders(): string[] {
  const crds = PINNED_CRDS.map((c) => c.file.split("/").slice(0, 3).join("/"));
  return [...new Set([...crds, `kubespray/${softwareVersions.kubespray}`, "proxmox"])].sort();
}

/** One line per failing repository (or source), naming the chart versions it could not give. */
export function failureLines(failed: PullFailure[]): string[] {
  const bySource = new Map<string, { reason: string; charts: string[] }>();
  for (const f of failed) {
    const key = `${f.source}\u0000${f.reason}`;
    const group = bySource.get(key) ?? { reason: f.reason, charts: [] };
    group.charts.push(`${f.chart} ${f.version}`);
    bySource.set(key, group);
  }
  return [...bySource.entries()].map(([key, g]) => `${key.split("\u0000")[0]}: ${g.reason} (${g.charts.join(", ")})`);
}

/** Writes the lock file when its text changes. */
function writeLock(root: string, lock: Lock): void {
  const text = lockText(lock);
  const file = join(root, LOCK_PATH);
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
}

const spec = {
  name: "pull",
  args: "[<release> | <chart>@<version>]...",
  description: `Fills the upstream cache (${CACHE_DIR}, or $STREAMFORGE_CACHE) with the files of chart versions:
every pinned version whose schema is derived from upstream (no argument), the versions a release
pins, or one version of a chart. From a Helm repository: its index.yaml, the archive, the sha256
checked against the index and against ${LOCK_PATH} (and recorded there on the first pull);
from an OCI registry (oci://): the tag's manifest and the chart layer checked against its
digest, the manifest digest checked against ${LOCK_PATH} or recorded there, an anonymous
token fetched when the registry asks for one; from git (Piraeus): the tag's source archive. Only Chart.yaml, values, value schemas and CRDs
(also of subcharts) are unpacked.`,
  options: {
    from: { type: "string", value: "<path>", help: "offline: a chart archive (.tgz), or a folder holding charts/<chart>/<version>/\n(also CRD, Kubespray and Proxmox folders, copied when no chart is named)" },
    cache: { type: "string", value: "<dir>", help: `the cache folder (default: ${CACHE_DIR}, or $STREAMFORGE_CACHE)` },
    "repo-url": { type: "string", multiple: true, value: "<alias>=<url>", help: 'fetch Helm repository <alias> from another URL (a mirror, file:// too; oci:// for an OCI registry);\nthe lock keeps the model\'s repository. $STREAMFORGE_MIRRORS="a=url,..." too' },
    refresh: { type: "boolean", help: "fetch versions the cache already holds again" },
    "lock-only": { type: "boolean", help: `only bring ${LOCK_PATH} in step with the pins (recorded digests kept)` },
    timeout: { type: "string", value: "<s>", help: "per download attempt (default 30)" },
    retries: { type: "string", value: "<n>", help: "further attempts after a network error or 5xx (default 2)" },
  },
  footer: "Exit codes: 0 pulled, 1 some version could not be pulled (one line per source), 2 usage error.",
} as const satisfies CommandSpec;

export const pull = defineCommand(spec, {
  model: "repository",
  async run({ values, positionals, io, model }) {
    const number = (name: string, raw: string | undefined, fallback: number) => {
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} expects a non-negative number, got "${raw}"`);
      return n;
    };
    const fetch = { timeoutMs: number("timeout", values.timeout, 30) * 1000, retries: Math.floor(number("retries", values.retries, 2)), backoffMs: 500 };
    const root = io.cwd;
    const platform = await model();
    const cache = values.cache ? resolve(root, values.cache) : cacheRoot(root, io.env);
    const from = values.from ? resolve(root, values.from) : undefined;
    let targets;
    try {
      targets = pullTargets(platform, positionals);
    } catch (error) {
      if (error instanceof TargetError) throw new UsageError(error.message);
      throw error;
    }
    // STREAMFORGE_MIRRORS="alias=url,..." does what --repo-url does, for runs whose command line is fixed (Renovate, CI).
    const mirrors = [...(io.env.STREAMFORGE_MIRRORS ?? "").split(",").filter(Boolean), ...(values["repo-url"] ?? [])];
    for (const [alias, url] of repositoryUrls(platform, mirrors)) {
      for (const t of targets) {
        const release = platform.releases.find((r) => r.name === t.release);
        if (release && release.chart !== "local" && release.chart.repo === alias) t.mirror = url;
      }
    }
    const lock = readLock(root);
    if (values["lock-only"]) {
      if (positionals.length || from) throw new UsageError("--lock-only takes no chart and no --from");
      writeLock(root, syncLock(lock, platform));
      return 0;
    }
    // A version already in the cache is not fetched again (like Helm's cache), unless --refresh.
    const missing = values.refresh || from ? targets : targets.filter((t) => !existsSync(join(chartCacheDir(cache, t.chart, t.version), "values.yaml")));
    for (const t of targets) if (!missing.includes(t)) io.out(`cached ${t.chart} ${t.version}\n`);
    const result = await pullCharts(missing, { cache, lock, ...(from ? { from } : {}), fetch });
    for (const p of result.pulled) io.out(`pulled ${p.chart} ${p.version} from ${p.from}\n`);

    const failures = failureLines(result.failed);
    if (from && positionals.length === 0 && existsSync(from) && statSync(from).isDirectory()) {
      for (const folder of sourceFolders()) {
        if (!existsSync(join(from, folder))) {
          failures.push(`${from}: no ${folder}`);
          continue;
        }
        cpSync(join(from, folder), join(cache, folder), { recursive: true });
        io.out(`copied ${folder}\n`);
      }
    }
    // The lock follows the pins; versions named explicitly (now or by an earlier `pull <chart>@<version>`,
    // as `bump` does before it moves the pin) keep their digest until a sync (`pull` alone, `--lock-only`).
    const next: Lock = syncLock(result.lock, platform);
    const explicit = positionals.length ? Object.entries(result.lock).flatMap(([chart, versions]) => Object.keys(versions).map((version) => ({ chart, version }))) : targets;
    for (const t of explicit) {
      const entry = result.lock[t.chart]?.[t.version];
      if (entry && !next[t.chart]?.[t.version]) (next[t.chart] ??= {})[t.version] = entry;
    }
    writeLock(root, next);
    for (const line of failures) io.err(`${line}\n`);
    if (failures.length) io.err(`${result.failed.length} of ${missing.length} chart versions could not be pulled\n`);
    return failures.length ? 1 : 0;
  },
});
