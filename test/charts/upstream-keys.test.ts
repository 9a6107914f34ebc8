/**
 * Every key our values files set exists in the pinned chart's upstream `values.yaml`, except
 * inside free-form maps. This reads the real upstream defaults, not our own schemas.
 */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../src/platform/streamforge.ts";
import { hasReference, upstreamValues, unknownValuePaths } from "../support/reference.ts";
import { yamlOf } from "../support/generated.ts";

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
};

describe.each(streamforge.environments.map((e) => e.name))("values of %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  for (const release of streamforge.releases) {
    if (release.chart === "local" || env.disabled.includes(release.name)) continue;
    const version = env.versions[release.name]!;
    const ref = referenceChart(release.chart.name, version);
    if (!ref || !hasReference("charts", ref[0], ref[1], "values.yaml")) continue;
    it(`${release.name} sets only keys ${release.chart.name} ${version} has`, () => {
      const values = yamlOf(`values/${envName}/${release.name}.yaml`);
      const upstream = upstreamValues(ref[0], ref[1]);
      expect(unknownValuePaths(values, upstream, freeForm[release.name] ?? [])).toEqual([]);
    });
  }
});
