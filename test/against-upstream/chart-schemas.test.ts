/**
 * The committed chart values schemas (`schema/charts/`) and the adapters' value types
 * (`src/helm/charts/types/`) are what `npm run schema:charts` derives from the upstream cache today,
 * and the cache holds every chart version the platform pins: a missing one fails here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartSchemas, chartTypeRecords, upstreamChartVersions } from "../../src/helm/schema/charts.ts";
import { chartCacheDir } from "../../src/core/cache.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { CACHE, REPO as ROOT } from "../support/upstream.ts";

describe("the upstream cache", () => {
  it.each(upstreamChartVersions(streamforge).map(({ chart, version }) => [`${chart} ${version}`, chart, version] as const))(
    "holds %s (run `npx streamforge pull`)",
    (_label, chart, version) => {
      expect(existsSync(join(chartCacheDir(CACHE, chart, version), "values.yaml")), chartCacheDir(CACHE, chart, version)).toBe(true);
    },
  );
});

describe("committed chart schemas", () => {
  const set = chartSchemas(streamforge, CACHE, ROOT);

  it("every pinned chart version is derived: none is missing from the cache", () => {
    expect(set.skipped.map((s) => `${s.chart} ${s.version}: ${s.reason}`)).toEqual([]);
    expect(set.records.length).toBeGreaterThanOrEqual(26);
  });

  it.each(set.records.map((r) => [r.path, r] as const))("%s is current (run `npm run schema:charts`)", (path, record) => {
    expect(readFileSync(join(ROOT, path), "utf8")).toBe(record.content);
  });

  it("the TypeScript value types are current", async () => {
    for (const record of await chartTypeRecords(streamforge, set)) expect(readFileSync(join(ROOT, record.path), "utf8"), record.path).toBe(record.content);
  }, 120_000);
});
