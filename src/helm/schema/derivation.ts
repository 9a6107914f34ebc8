/**
 * The one derivation of a chart version's values schema and the adapters' types, as
 * `npm run schema:charts` does it (upstream values and schema, subcharts, the reviewed overrides
 * in schema/overrides/), for `bump` and `promote`: from a `values.yaml` given offline (with the
 * `values.schema.json` beside it) or from the upstream cache.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { deriveValuesSchema, resolveRefs, type DeriveInput, type JsonSchema } from "../../core/schema/derive.ts";
import type { FileRecord } from "../../core/files.ts";
import { chartSchemaPath, chartSchemaText, chartTypeRecord, readOverrides } from "./charts.ts";
import { readCachedChart } from "./reference.ts";

export interface ChartDerivationOf {
  schemaPath(chart: string, version: string): string;
  schema(root: string, chart: string, version: string, valuesFile: string | undefined): { schema: JsonSchema; text: string } | undefined;
  types(chart: string, version: string, schema: JsonSchema): Promise<FileRecord>;
}

export function chartDerivation(cache: string): ChartDerivationOf {
  return {
    schemaPath: (chart, version) => chartSchemaPath(chart, version),
    schema(root, chart, version, valuesFile) {
      let input: DeriveInput | undefined;
      if (valuesFile) {
        const beside = join(dirname(valuesFile), "values.schema.json");
        const upstreamSchema = existsSync(beside) ? resolveRefs({ "values.schema.json": JSON.parse(readFileSync(beside, "utf8")) as JsonSchema }, "values.schema.json") : undefined;
        input = { chart, version, values: parse(readFileSync(valuesFile, "utf8")) ?? {}, ...(upstreamSchema ? { upstreamSchema } : {}) };
      } else {
        input = readCachedChart(cache, chart, version)?.input;
      }
      if (!input) return undefined;
      const overrides = readOverrides(root, chart);
      const schema = deriveValuesSchema({ ...input, ...(overrides ? { overrides } : {}) });
      return { schema, text: chartSchemaText(schema, chart, version) };
    },
    types: chartTypeRecord,
  };
}
