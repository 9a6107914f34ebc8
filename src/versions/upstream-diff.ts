/**
 * What changed upstream between two cached versions of a chart, as far as the platform cares:
 * the default of every key the platform sets (a changed default under a key we set does not
 * matter, one beside it might), keys we set that the new defaults no longer have (with a likely
 * new name: a key of the same parent that appeared), CRD API versions added or removed, and the
 * `kubeVersion` constraint. Pure: cached files in, Markdown lines out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { crdSchemasOf } from "../core/schema/crds.ts";

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Dotted paths of every leaf (and empty map or list) of `values`. */
export function leafPaths(values: unknown, prefix = ""): string[] {
  if (!isMap(values) || Object.keys(values).length === 0) return prefix ? [prefix] : [];
  return Object.entries(values).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

const MISSING = Symbol("missing");

function at(values: unknown, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (!isMap(node) || !(part in node)) return MISSING;
    node = node[part];
  }
  return node;
}

const show = (value: unknown) => (value === MISSING ? "(absent)" : `\`${JSON.stringify(value)}\``);

export interface ChartVersionFiles {
  values: unknown;
  kubeVersion?: string;
  /** `group/version` of every served CRD version the chart (and its subcharts) ships in `crds/`. */
  crdApiVersions: string[];
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Reads the parts of a cached chart version the comparison needs. */
export function readChartVersion(dir: string): ChartVersionFiles {
  const values = existsSync(join(dir, "values.yaml")) ? (parse(readFileSync(join(dir, "values.yaml"), "utf8")) ?? {}) : {};
  const chartFile = ["Chart.yaml", "Chart.template.yaml"].map((f) => join(dir, f)).find(existsSync);
  const chart = chartFile ? (parse(readFileSync(chartFile, "utf8")) as { kubeVersion?: string } | null) : null;
  const crdDirs = [join(dir, "crds"), ...(existsSync(join(dir, "charts")) ? readdirSync(join(dir, "charts")).map((sub) => join(dir, "charts", sub, "crds")) : [])];
  const apiVersions = new Set<string>();
  for (const file of crdDirs.flatMap(yamlFiles)) {
    try {
      for (const crd of crdSchemasOf(readFileSync(file, "utf8"))) apiVersions.add(`${crd.group}/${crd.version}`);
    } catch {
      // A templated CRD file (Helm expressions) is not YAML; it does not count.
    }
  }
  return { values, ...(chart?.kubeVersion ? { kubeVersion: String(chart.kubeVersion) } : {}), crdApiVersions: [...apiVersions].sort() };
}

/** The Markdown section describing the upstream change for the keys in `set` (dotted paths). */
export function upstreamChanges(chart: string, from: { version: string; files: ChartVersionFiles }, to: { version: string; files: ChartVersionFiles }, set: string[]): string[] {
  const lines = [`### Upstream changes of ${chart} ${from.version} -> ${to.version}`, ""];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const path of [...new Set(set)].sort()) {
    const before = at(from.files.values, path);
    const after = at(to.files.values, path);
    if (before !== MISSING && after === MISSING) {
      const parent = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
      const siblings = (v: unknown) => (isMap(parent ? at(v, parent) : v) ? Object.keys((parent ? at(v, parent) : v) as object) : []);
      const appeared = siblings(to.files.values).filter((k) => !siblings(from.files.values).includes(k));
      removed.push(`- \`${path}\` is gone from the defaults${appeared.length ? `; new beside it: ${appeared.map((k) => `\`${parent ? `${parent}.` : ""}${k}\``).join(", ")} (renamed?)` : ""}`);
    } else if (JSON.stringify(before) !== JSON.stringify(after)) {
      changed.push(`- \`${path}\`: default ${show(before)} -> ${show(after)}`);
    }
  }
  lines.push("Defaults of the keys the platform sets:", "", ...(changed.length ? changed : ["- unchanged"]), "");
  lines.push("Keys the platform sets that the new defaults lack:", "", ...(removed.length ? removed : ["- none"]), "");
  const added = to.files.crdApiVersions.filter((v) => !from.files.crdApiVersions.includes(v));
  const gone = from.files.crdApiVersions.filter((v) => !to.files.crdApiVersions.includes(v));
  lines.push(`CRD API versions (from the charts' crds/): ${added.length || gone.length ? [...added.map((v) => `added \`${v}\``), ...gone.map((v) => `removed \`${v}\``)].join(", ") : "no change"}`, "");
  const kv = (v?: string) => (v === undefined ? "none" : `\`${v}\``);
  lines.push(`kubeVersion: ${from.files.kubeVersion === to.files.kubeVersion ? `unchanged (${kv(to.files.kubeVersion)})` : `${kv(from.files.kubeVersion)} -> ${kv(to.files.kubeVersion)}`}`, "");
  return lines;
}
