/**
 * The upstream cache: the files of the pinned chart versions and other upstream sources that the
 * project's derived data (`schema/`, `src/helm/charts/types/`) is made from. It lives outside git
 * (`.streamforge/cache/`, ignored) and `streamforge pull` fills it; nothing in it is committed.
 *
 * Layout, one folder per upstream version:
 *   charts/<chart>/<version>/    values.yaml, Chart.yaml, values.schema.json, crds/, charts/<sub>/
 *   crds/<project>/<tag>/...     CRD files of projects that publish them outside their chart
 *   kubespray/<tag>/...          Kubespray defaults and validation tasks
 *   proxmox/...                  Proxmox VE API parameter descriptions
 */
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** The cache folder, relative to the repository root. */
export const CACHE_DIR = ".streamforge/cache";

/** The command that fills the cache, for messages. */
export const PULL_COMMAND = "npx streamforge pull";

/** The cache of the repository at `root`; `STREAMFORGE_CACHE` points elsewhere (CI, tests). */
export function cacheRoot(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env.STREAMFORGE_CACHE;
  return override ? resolve(root, override) : join(root, CACHE_DIR);
}

/** `charts/<chart>/<version>` under the cache. */
export function chartCacheDir(cache: string, chart: string, version: string): string {
  return join(cache, "charts", chart, version);
}

/** A file or folder the cache should hold but does not: names it and the command that fills it. */
export class CacheMissError extends Error {
  override name = "CacheMissError";
  constructor(
    readonly path: string,
    readonly what: string,
    cache: string,
  ) {
    super(`the upstream cache lacks ${what} (${relative(process.cwd(), join(cache, path)) || path}): run \`${PULL_COMMAND}\` to fill ${cache}`);
  }
}

/** The path of `parts` under the cache; throws a CacheMissError naming `what` when it is absent. */
export function requireCached(cache: string, what: string, ...parts: string[]): string {
  const path = join(cache, ...parts);
  if (!existsSync(path)) throw new CacheMissError(join(...parts), what, cache);
  return path;
}
