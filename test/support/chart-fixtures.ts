/**
 * Defaults of "new chart versions" that tests publish: built from the platform's own generated
 * values (so every key it sets exists) plus every key the chart's reviewed overrides point at
 * (`schema/overrides/<chart>.json`), as the real chart has them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

const ROOT = resolve(import.meta.dirname, "../..");

function isMap(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function union(a: unknown, b: unknown): unknown {
  if (!isMap(a) || !isMap(b)) return b ?? a;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = union(a[k], v);
  return out;
}

/** The union of a release's generated values over the environments that deploy it. */
export function platformValues(release: string): Record<string, any> {
  return ["prod", "lab"]
    .map((env) => join(ROOT, `values/${env}/${release}.yaml`))
    .filter(existsSync)
    .map((file) => parse(readFileSync(file, "utf8")))
    .reduce((a, b) => union(a, b), {}) as Record<string, any>;
}

/** `values` with an example map at every pointer of the chart's reviewed overrides that it lacks. */
export function withOverridePointers(chart: string, values: Record<string, any>): Record<string, any> {
  const file = join(ROOT, "schema/overrides", `${chart}.json`);
  if (!existsSync(file)) return values;
  const overrides = JSON.parse(readFileSync(file, "utf8")) as { freeForm?: string[]; maps?: string[] };
  for (const pointer of [...(overrides.freeForm ?? []), ...(overrides.maps ?? [])]) {
    const parts = pointer.split("/").slice(1);
    let node = values;
    for (const part of parts.slice(0, -1)) node = isMap(node[part]) ? node[part] : (node[part] = {});
    node[parts[parts.length - 1]!] ??= { example: { key: "value" } };
  }
  return values;
}
