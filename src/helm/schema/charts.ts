/**
 * Every pinned chart version's values schema (`schema/charts/<chart>/<version>.schema.json`) and
 * the TypeScript types derived from it (`src/helm/charts/types/<chart>.ts`), as file records: the
 * `schema charts` command writes them, the drift test compares them with the committed ones.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FileRecord } from "../../core/files.ts";
import type { Platform } from "../../core/model/types.ts";
import { deriveValuesSchema, type ChartOverrides, type DeriveInput, type JsonSchema } from "../../core/schema/derive.ts";
import { pinnedCharts, readReferenceChart, SKIPPED_CHARTS } from "./reference.ts";
import { GITLAB_RUNNER_DOCUMENTED_VERSION, gitlabRunnerKeys, type DocumentedKey } from "../charts/gitlab-runner.ts";
import { schemaText } from "../../core/schema/json.ts";

export const CHART_SCHEMAS_COMMAND = "npm run schema:charts";

export function chartSchemaPath(chart: string, version: string, dir = "schema/charts"): string {
  return `${dir}/${chart}/${version}.schema.json`;
}

/** `schema/overrides/<chart>.json` under `root`, when the chart has one. */
export function readOverrides(root: string, chart: string): ChartOverrides | undefined {
  const path = join(root, "schema", "overrides", `${chart}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as ChartOverrides) : undefined;
}

/** The committed text of one derived schema. */
export function chartSchemaText(schema: JsonSchema, chart: string, version: string, command = CHART_SCHEMAS_COMMAND): string {
  return schemaText(schema, command, `from the upstream values of ${chart} ${version}`);
}

/** `traefik` -> `TraefikValues`, `app-template` -> `AppTemplateValues`. */
export function valuesTypeName(chart: string): string {
  return `${chart.split(/[^A-Za-z0-9]+/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("")}Values`;
}

export interface ChartSchemaSet {
  records: FileRecord[];
  /** Chart versions the platform pins but no schema could be derived for, with the reason. */
  skipped: Array<{ chart: string; version: string; reason: string }>;
  /** Derived schemas by chart and version (for the types). */
  schemas: Array<{ chart: string; version: string; schema: JsonSchema }>;
}

/**
 * Charts whose upstream values are not in the reference: their schema is the reviewed list of
 * documented keys the adapter keeps, closed like a derived one.
 */
const DOCUMENTED_CHARTS: Readonly<Record<string, { version: string; keys: readonly DocumentedKey[] }>> = {
  "gitlab-runner": { version: GITLAB_RUNNER_DOCUMENTED_VERSION, keys: gitlabRunnerKeys },
};

const KEY_TYPES: Record<DocumentedKey["type"], JsonSchema> = {
  string: { type: "string" },
  integer: { type: "integer" },
  boolean: { type: "boolean" },
  map: { type: "object", additionalProperties: { type: "string" } },
};

/** A closed values schema admitting exactly the documented keys, each with its type. */
export function schemaFromDocumentedKeys(keys: readonly DocumentedKey[]): JsonSchema {
  const root: JsonSchema = { type: "object", additionalProperties: false, properties: {} };
  for (const key of keys) {
    const parts = key.path.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const props = node.properties as Record<string, JsonSchema>;
      node = props[part] ??= { type: "object", additionalProperties: false, properties: {} };
    }
    (node.properties as Record<string, JsonSchema>)[parts[parts.length - 1]!] = KEY_TYPES[key.type];
  }
  return root;
}

/** Derives the schema of every chart version `platform` pins, from `reference`. */
export function chartSchemas(platform: Platform, reference: string, root: string): ChartSchemaSet {
  const out: ChartSchemaSet = { records: [], skipped: [], schemas: [] };
  for (const { chart, version } of pinnedCharts(platform)) {
    const documented = DOCUMENTED_CHARTS[chart];
    if (documented && documented.version === version) {
      const schema = schemaFromDocumentedKeys(documented.keys);
      out.schemas.push({ chart, version, schema });
      out.records.push({ path: chartSchemaPath(chart, version), content: chartSchemaText(schema, chart, version) });
      continue;
    }
    const source = readReferenceChart(reference, chart, version);
    if (!source) {
      out.skipped.push({ chart, version, reason: SKIPPED_CHARTS[chart] ?? `no upstream values.yaml under ${reference}/charts/${chart}/${version}` });
      continue;
    }
    const overrides = readOverrides(root, chart);
    const input: DeriveInput = { ...source.input, ...(overrides ? { overrides } : {}) };
    const schema = deriveValuesSchema(input);
    out.schemas.push({ chart, version, schema });
    out.records.push({ path: chartSchemaPath(chart, version), content: chartSchemaText(schema, chart, version) });
  }
  return out;
}

/**
 * TypeScript types of each chart's values, from the schema of the version the default
 * environment pins (adapters are typed against it; another environment trying a bump is checked
 * by lint against its own version's schema). Build-time only: json-schema-to-typescript is a dev
 * dependency, loaded on demand.
 */
export async function chartTypeRecords(platform: Platform, set: ChartSchemaSet): Promise<FileRecord[]> {
  const { compile } = await import("json-schema-to-typescript");
  const env = platform.environments.find((e) => e.name === platform.defaultEnvironment) ?? platform.environments[0];
  const records: FileRecord[] = [];
  for (const { chart, version, schema } of set.schemas) {
    const pinnedHere = platform.releases.some((r) => r.chart !== "local" && r.chart.name === chart && env?.versions[r.name] === version);
    if (!pinnedHere) continue;
    const name = valuesTypeName(chart);
    const { $schema: _s, ...body } = schema;
    const ts = await compile(body as Parameters<typeof compile>[0], name, {
      bannerComment: `/**\n * Generated by \`${CHART_SCHEMAS_COMMAND}\` from ${chartSchemaPath(chart, version)}. Do not edit.\n * The values of chart ${chart} ${version}, as adapters may write them.\n */`,
      // Objects the schema leaves open are open in the types too; closed ones say so explicitly.
      additionalProperties: true,
      unknownAny: true,
      strictIndexSignatures: false,
      format: true,
      declareExternallyReferenced: true,
      enableConstEnums: false,
      inferStringEnumKeysFromValues: false,
      ignoreMinAndMaxItems: true,
      style: { printWidth: 120 },
    });
    records.push({ path: `src/helm/charts/types/${chart}.ts`, content: ts });
  }
  return records.sort((a, b) => (a.path < b.path ? -1 : 1));
}
