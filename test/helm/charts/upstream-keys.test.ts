/**
 * Every key our values files set exists in the pinned chart's upstream `values.yaml`, except
 * inside free-form maps. This reads the real upstream defaults, not our own schemas.
 */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { readFileSync } from "node:fs";
import { hasReference, referencePath, upstreamValues, unknownValuePaths } from "../../support/reference.ts";
import { yamlOf } from "../../support/generated.ts";

/** Where a release's chart keeps its defaults in the reference tree. */
function referenceChart(chartName: string, version: string): [string, string] | undefined {
  if (chartName === "app-template") return ["app-template", `${version}/charts/common`];
  if (chartName === "piraeus") return ["piraeus", version];
  return [chartName, version];
}

/** Free-form maps per chart (dotted paths), where upstream gives no keys to check against. */
const freeForm: Record<string, string[]> = {
  // argocd-cm key that upstream values.yaml documents only in a comment (OIDC instead of Dex).
  "argo-cd": ["configs.cm.oidc.config"],
  // grafana.ini is free-form INI (sections and keys); persistence.storageClassName is documented
  // only in a comment of the grafana subchart's values.
  "kube-prometheus-stack": ["grafana.grafana.ini", "grafana.persistence.storageClassName"],
  // The eck charts' templates read these; their values.yaml documents them only in comments.
  "eck-elasticsearch": ["fullnameOverride"],
  "eck-kibana": ["fullnameOverride", "http"],
  // Traefik's `ports` is keyed by entry point names the user picks: one per TCP route (S11).
  traefik: [...new Set(streamforge.environments.flatMap((e) => e.ingress.tcpRoutes.map((r) => `ports.${r.name}`)))],
};

/**
 * Subcharts whose values a release sets under their key, by release: key -> folder of the
 * subchart's upstream files below the parent chart's version folder.
 */
const subcharts: Record<string, Record<string, string>> = {
  "kube-prometheus-stack": { grafana: "charts/grafana" },
};

/** Keys in `freeForm` that upstream documents only in comments: they must be there, commented. */
const commented: Record<string, Array<{ key: string; file: string }>> = {
  "kube-prometheus-stack": [{ key: "storageClassName", file: "charts/grafana/values.yaml" }],
  "eck-elasticsearch": [{ key: "fullnameOverride", file: "values.yaml" }],
  "eck-kibana": [
    { key: "fullnameOverride", file: "values.yaml" },
    { key: "http", file: "values.yaml" },
  ],
};

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `base` with `over` merged in, key by key, as Helm merges a parent's values into a subchart's. */
function merge(base: unknown, over: unknown): unknown {
  if (!isMap(base) || !isMap(over)) return over ?? base;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}

/** A chart's upstream defaults with those of its subcharts under their keys. */
function upstreamWithSubcharts(release: string, chart: string, version: string): Record<string, unknown> {
  const upstream = upstreamValues(chart, version);
  for (const [key, dir] of Object.entries(subcharts[release] ?? {})) {
    upstream[key] = merge(upstreamValues(chart, `${version}/${dir}`), upstream[key]);
  }
  return upstream;
}

describe("keys upstream documents only in comments", () => {
  for (const [release, keys] of Object.entries(commented)) {
    const chart = streamforge.releases.find((r) => r.name === release)!.chart;
    if (chart === "local") continue;
    const version = streamforge.environments[0]!.versions[release]!;
    for (const { key, file } of keys) {
      it(`${release}: ${key} is a commented key of ${chart.name} ${version} ${file}`, () => {
        const text = readFileSync(referencePath("charts", chart.name, version, file), "utf8");
        expect(text).toMatch(new RegExp(`^\\s*#\\s*${key}:`, "m"));
      });
    }
  }
});

describe.each(streamforge.environments.map((e) => e.name))("values of %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  for (const release of streamforge.releases) {
    if (release.chart === "local" || env.disabled.includes(release.name)) continue;
    const version = env.versions[release.name]!;
    const ref = referenceChart(release.chart.name, version);
    if (!ref || !hasReference("charts", ref[0], ref[1], "values.yaml")) continue;
    it(`${release.name} sets only keys ${release.chart.name} ${version} has`, () => {
      const values = yamlOf(`values/${envName}/${release.name}.yaml`);
      const upstream = upstreamWithSubcharts(release.name, ref[0], ref[1]);
      expect(unknownValuePaths(values, upstream, freeForm[release.name] ?? [])).toEqual([]);
    });
  }
});
