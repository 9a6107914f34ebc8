/**
 * The chart facts the version catalogue records (kubeVersion, served CRD API versions) agree with
 * the upstream charts of the pinned versions.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { chartPin, chartVersions } from "../../src/platform/versions.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { DOCUMENTED_CHARTS } from "../../src/helm/schema/charts.ts";
import { expectedPath, upstreamPath, upstreamValues } from "../support/upstream.ts";

describe("catalogue facts", () => {
  it("records each chart's kubeVersion constraint as its upstream Chart.yaml declares it", () => {
    for (const [release, pin] of Object.entries(chartVersions)) {
      const model = streamforge.releases.find((r) => r.name === release)!;
      if (model.chart === "local") continue;
      const chart = model.chart.name;
      if (DOCUMENTED_CHARTS[chart]?.version === pin.version) continue;
      // A chart copied from git may keep a template its release fills in (cert-manager); kubeVersion is literal there.
      const dir = upstreamPath("charts", chart, pin.version);
      const file = existsSync(join(dir, "Chart.yaml")) ? join(dir, "Chart.yaml") : upstreamPath("charts", chart, pin.version, "Chart.template.yaml");
      const upstream = parse(readFileSync(file, "utf8"));
      expect((pin as { kubeVersion?: string }).kubeVersion, release).toBe(upstream.kubeVersion);
    }
  });

  it("records served CRD API versions that the upstream CRDs of the pinned versions serve", () => {
    const index: Array<{ group: string; version: string; served: boolean }> = JSON.parse(
      readFileSync(expectedPath("crd-schemas", "INDEX.json"), "utf8"),
    );
    const served = new Set(index.filter((e) => e.served).map((e) => `${e.group}/${e.version}`));
    for (const [release, pin] of Object.entries(chartVersions)) {
      for (const apiVersion of (pin as { crdApiVersions?: readonly string[] }).crdApiVersions ?? []) {
        expect(served.has(apiVersion), `${release}: ${apiVersion}`).toBe(true);
      }
    }
  });

  it("S17 the pinned Strimzi chart is the 0.47.0 release, whose supported Kafka versions the model checks", () => {
    expect(upstreamValues("strimzi-kafka-operator", chartPin("strimzi-kafka-operator").version).defaultImageTag).toBe("0.47.0");
  });
});
