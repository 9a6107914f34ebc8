/**
 * Upstream reference data of the pinned versions (`../shared/reference`), read by tests as an
 * extra check against the real charts. Never copied into the project.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

export const REFERENCE = resolve(import.meta.dirname, "../../../shared/reference");

export function referencePath(...parts: string[]): string {
  return join(REFERENCE, ...parts);
}

export function hasReference(...parts: string[]): boolean {
  return existsSync(referencePath(...parts));
}

/** A chart version's upstream `values.yaml` as data. */
export function upstreamValues(chart: string, version: string): Record<string, unknown> {
  return parse(readFileSync(referencePath("charts", chart, version, "values.yaml"), "utf8")) ?? {};
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
