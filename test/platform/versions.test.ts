/**
 * The version catalogue: every entry is annotated so that the regex manager of `renovate.json`
 * finds it, pins are exact, and the recorded chart facts agree with the upstream charts.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { chartVersions, images, softwareVersions } from "../../src/platform/versions.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { hasReference, referencePath } from "../support/reference.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const source = readFileSync(resolve(ROOT, "src/platform/versions.ts"), "utf8");
const renovate = JSON.parse(readFileSync(resolve(ROOT, "renovate.json"), "utf8"));

interface Match {
  datasource: string;
  depName: string;
  registryUrl?: string;
  currentValue: string;
}

function renovateMatches(): Match[] {
  const manager = renovate.customManagers.find((m: { customType: string }) => m.customType === "regex");
  const out: Match[] = [];
  for (const pattern of manager.matchStrings as string[]) {
    for (const m of source.matchAll(new RegExp(pattern, "g"))) out.push(m.groups as unknown as Match);
  }
  return out;
}

describe("renovate.json", () => {
  it("targets the catalogue file", () => {
    const manager = renovate.customManagers[0];
    const pattern = manager.managerFilePatterns[0] as string;
    expect(new RegExp(pattern.slice(1, -1)).test("src/platform/versions.ts")).toBe(true);
  });

  it("finds every chart pin with its source (Helm repository, or git tags) and current version", () => {
    const matches = renovateMatches();
    const found = new Set(matches.map((m) => `${m.datasource} ${m.currentValue}@${m.registryUrl ?? ""}/${m.depName}`));
    let charts = 0;
    for (const [release, pin] of Object.entries(chartVersions)) {
      const model = streamforge.releases.find((r) => r.name === release)!;
      expect(model.chart, release).not.toBe("local");
      if (model.chart === "local") continue;
      charts++;
      const git = streamforge.gitRepositories?.[model.chart.repo];
      const key = git
        ? `github-tags ${pin.version}@/${new URL(git.url).pathname.slice(1).replace(/\.git$/, "")}`
        : `helm ${pin.version}@${streamforge.repositories[model.chart.repo]}/${model.chart.name}`;
      expect(found.has(key), `${release}: ${key}`).toBe(true);
    }
    expect(matches.filter((m) => m.datasource === "helm" || m.datasource === "github-tags")).toHaveLength(charts);
  });

  it("finds every image and software pin", () => {
    const chartPins = new Set<string>(Object.values(chartVersions).map((p) => p.version));
    const others = renovateMatches().filter((m) => m.datasource !== "helm" && !(m.datasource === "github-tags" && chartPins.has(m.currentValue)));
    const expected = [
      ...Object.values(images).map((i) => i.version),
      ...Object.entries(softwareVersions)
        .filter(([name]) => name !== "postgres")
        .map(([, v]) => v),
    ];
    expect(others.map((m) => m.currentValue).sort()).toEqual(expected.sort());
  });

  it("runs `npm run gen` after an update so generated files follow the catalogue", () => {
    expect(renovate.postUpgradeTasks.commands).toContain("npm run gen");
  });
});

describe("catalogue", () => {
  it("pins exact versions only, in each chart's own format", () => {
    for (const [release, pin] of Object.entries(chartVersions)) {
      expect(pin.version, release).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
    expect(chartVersions["cert-manager"].version).toBe("v1.18.2");
    expect(chartVersions["gpu-operator"].version).toBe("v24.9.2");
  });

  it("S4 S5 S6 S15 S22 S36 pin the chart versions the platform document fixes", () => {
    expect(chartVersions.metallb.version).toBe("0.14.9");
    expect(chartVersions.traefik.version).toBe("36.1.0");
    expect(chartVersions["ingress-nginx"].version).toBe("4.12.1");
    expect(chartVersions["nfs-subdir-external-provisioner"].version).toBe("4.0.18");
    expect(chartVersions["kube-prometheus-stack"].version).toBe("71.1.0");
    expect(chartVersions["gpu-operator"].version).toBe("v24.9.2");
  });

  it("records each chart's kubeVersion constraint as its upstream Chart.yaml declares it", () => {
    for (const [release, pin] of Object.entries(chartVersions)) {
      const model = streamforge.releases.find((r) => r.name === release)!;
      if (model.chart === "local") continue;
      const chart = model.chart.name;
      if (!hasReference("charts", chart, pin.version, "Chart.yaml")) continue;
      const upstream = parse(readFileSync(referencePath("charts", chart, pin.version, "Chart.yaml"), "utf8"));
      expect((pin as { kubeVersion?: string }).kubeVersion, release).toBe(upstream.kubeVersion);
    }
  });

  it("records served CRD API versions that the upstream CRDs of the pinned versions serve", () => {
    const index: Array<{ group: string; version: string; served: boolean }> = JSON.parse(
      readFileSync(referencePath("crd-schemas", "INDEX.json"), "utf8"),
    );
    const served = new Set(index.filter((e) => e.served).map((e) => `${e.group}/${e.version}`));
    for (const [release, pin] of Object.entries(chartVersions)) {
      for (const apiVersion of (pin as { crdApiVersions?: readonly string[] }).crdApiVersions ?? []) {
        expect(served.has(apiVersion), `${release}: ${apiVersion}`).toBe(true);
      }
    }
  });
});
