/**
 * The upstream cache of the pinned versions (`.streamforge/cache/`, filled by `streamforge pull`;
 * `STREAMFORGE_CACHE` points elsewhere), read only by `npm run test:upstream`. A file the cache
 * lacks fails the test that needs it, naming the file and the command that fills the cache:
 * an upstream comparison never passes by not running.
 *
 * `expected/` holds data from independent sources that tests compare with and that `pull` cannot
 * fetch (the platform document, Helmfile's struct fields, kubeconform-style CRD schemas); `.ci/run`
 * puts it there.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { cacheRoot, requireCached } from "../../src/core/cache.ts";

export const REPO = resolve(import.meta.dirname, "../..");
export const CACHE = cacheRoot(REPO);

/** A path in the cache; throws (failing the test) when the cache lacks it. */
export function upstreamPath(...parts: string[]): string {
  return requireCached(CACHE, parts.join("/"), ...parts);
}

/** A path in the cache's `expected/` data. */
export function expectedPath(...parts: string[]): string {
  return upstreamPath("expected", ...parts);
}

/** A chart version's upstream `values.yaml` as data. */
export function upstreamValues(chart: string, version: string): Record<string, unknown> {
  return parse(readFileSync(upstreamPath("charts", chart, version, "values.yaml"), "utf8")) ?? {};
}

/**
 * Paths of `values` (dotted) that do not exist in `upstream`. A path below an upstream value that
 * is an empty map, `null`, or a map listed in `freeForm` (dotted prefixes) is accepted: those are
 * free-form maps (annotations, node selectors, resources...) or untyped defaults.
 */
export function unknownValuePaths(values: unknown, upstream: unknown, freeForm: string[] = [], prefix = ""): string[] {
  if (values === null || typeof values !== "object" || Array.isArray(values)) return [];
  if (freeForm.includes(prefix)) return [];
  if (upstream === null || upstream === undefined) return prefix === "" ? [] : [];
  if (typeof upstream !== "object" || Array.isArray(upstream)) return [];
  const up = upstream as Record<string, unknown>;
  if (Object.keys(up).length === 0) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!(key in up)) {
      if (!freeForm.includes(path)) out.push(path);
      continue;
    }
    out.push(...unknownValuePaths(value, up[key], freeForm, path));
  }
  return out;
}
