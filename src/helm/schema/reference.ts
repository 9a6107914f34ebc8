/**
 * Reads a chart version's upstream data from a reference tree laid out as
 * `<reference>/charts/<chart>/<version>/` (`values.yaml`, `values.schema.json`, `Chart.yaml`,
 * subcharts under `charts/<name>/`), and lists the chart versions a platform pins. The data is
 * input to `deriveValuesSchema`; nothing of it is copied into the project.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import type { Platform } from "../../core/model/types.ts";
import { resolveRefs, type DeriveInput, type JsonSchema, type SubchartInput } from "../../core/schema/derive.ts";

/** Chart versions the reference cannot give values for, and why (recorded in the report). */
export const SKIPPED_CHARTS: Readonly<Record<string, string>> = {};

function readYaml(path: string): unknown {
  return parse(readFileSync(path, "utf8")) ?? {};
}

function readJson(path: string): JsonSchema {
  return JSON.parse(readFileSync(path, "utf8")) as JsonSchema;
}

/** Every JSON file under `dir`, by path relative to `dir`. */
function jsonFiles(dir: string, sub = ""): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory() && entry.name !== "charts") Object.assign(out, jsonFiles(dir, rel));
    else if (entry.isFile() && entry.name.endsWith(".json")) out[rel] = readJson(join(dir, rel));
  }
  return out;
}

/** A chart folder's own schema: `values.schema.json` (refs resolved) or an OpenAPI v3 YAML one. */
export function readChartSchema(dir: string): JsonSchema | undefined {
  if (existsSync(join(dir, "values.schema.json"))) return resolveRefs(jsonFiles(dir), "values.schema.json");
  if (existsSync(join(dir, "values.openapiv3_schema.yaml"))) return readYaml(join(dir, "values.openapiv3_schema.yaml")) as JsonSchema;
  return undefined;
}

function readValues(dir: string): unknown {
  return existsSync(join(dir, "values.yaml")) ? readYaml(join(dir, "values.yaml")) : {};
}

/** The files `deriveValuesSchema` reads, relative to the reference root (for the report). */
export interface ChartSource {
  input: DeriveInput;
  files: string[];
}

/** Reads one chart version from the reference tree; undefined when it is not there. */
export function readReferenceChart(reference: string, chart: string, version: string): ChartSource | undefined {
  const root = join(reference, "charts", chart, version);
  if (!existsSync(join(root, "values.yaml"))) return undefined;
  // cert-manager keeps a `Chart.template.yaml` (versions filled in at release); no dependencies.
  const chartYaml = (existsSync(join(root, "Chart.yaml")) ? readYaml(join(root, "Chart.yaml")) : {}) as { dependencies?: Array<{ name: string; alias?: string }> };
  const deps = chartYaml.dependencies ?? [];
  const files = [join(root, "values.yaml")];
  // app-template is a shell around the `common` library chart: the defaults and the schema
  // (split over `schemas/*.json`) are common's, at the top level of the values.
  if (chart === "app-template") {
    const common = join(root, "charts", "common");
    files.push(join(common, "values.yaml"), join(common, "values.schema.json"));
    return { input: { chart, version, values: readValues(common), upstreamSchema: readChartSchema(common) }, files: files.map((f) => relative(reference, f)) };
  }
  const subcharts: SubchartInput[] = [];
  for (const dep of deps) {
    const dir = join(root, "charts", dep.name);
    if (!existsSync(join(dir, "values.yaml"))) continue;
    files.push(join(dir, "values.yaml"));
    const schema = readChartSchema(dir);
    if (schema) files.push(join(dir, "values.schema.json"));
    subcharts.push({ key: dep.alias ?? dep.name, values: readValues(dir), ...(schema ? { schema } : {}) });
  }
  const upstreamSchema = readChartSchema(root);
  if (upstreamSchema) files.push(join(root, existsSync(join(root, "values.schema.json")) ? "values.schema.json" : "values.openapiv3_schema.yaml"));
  return {
    input: { chart, version, values: readValues(root), ...(upstreamSchema ? { upstreamSchema } : {}), subcharts },
    files: files.map((f) => relative(reference, f)),
  };
}

/** Every (chart, version) a platform pins in any environment, sorted. */
export function pinnedCharts(platform: Platform): Array<{ chart: string; version: string }> {
  const seen = new Map<string, { chart: string; version: string }>();
  for (const env of platform.environments) {
    for (const release of platform.releases) {
      if (release.chart === "local") continue;
      const version = env.versions[release.name];
      if (version === undefined) continue;
      seen.set(`${release.chart.name}@${version}`, { chart: release.chart.name, version });
    }
  }
  return [...seen.values()].sort((a, b) => (a.chart === b.chart ? (a.version < b.version ? -1 : 1) : a.chart < b.chart ? -1 : 1));
}
