/** Which release installs the CRDs of an API group: looked up by group, as the table by chart says. */
import { describe, expect, it } from "vitest";
import { CRD_GROUPS_BY_CHART, chartOfGroup, chartsOfGroup } from "../../../src/helm/charts/crd-groups.ts";
import { crdInstallers } from "../../../src/helm/charts/evaluate.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";

describe("chartsOfGroup", () => {
  it("answers for every group what a search of the table by chart answers, and nothing for a group no chart installs", () => {
    for (const groups of Object.values(CRD_GROUPS_BY_CHART)) {
      for (const group of groups) {
        const search = Object.entries(CRD_GROUPS_BY_CHART).filter(([, list]) => list.includes(group)).map(([chart]) => chart);
        expect(chartsOfGroup(group)).toEqual(search);
        expect(chartOfGroup(group)).toBe(search[0]);
      }
    }
    expect(chartsOfGroup("example.com")).toEqual([]);
    expect(chartOfGroup("example.com")).toBeUndefined();
  });
});

describe("crdInstallers", () => {
  it("gives the chart releases installing a group's CRDs, in release order, and none for a group no chart installs", () => {
    const none = new Map();
    expect(crdInstallers(streamforge.releases, "gateway.networking.k8s.io", none).map((r) => r.name)).toEqual(["traefik"]);
    expect(crdInstallers(streamforge.releases, "monitoring.coreos.com", none).map((r) => r.name)).toEqual(["kube-prometheus-stack"]);
    expect(crdInstallers(streamforge.releases, "example.com", none)).toEqual([]);
  });

  it("adds the releases whose contract says they install the group's CRDs (a consumer's operator chart), in release order", () => {
    const contracts = new Map([["metallb", { installsCrds: ["example.com"] }]]);
    expect(crdInstallers(streamforge.releases, "example.com", contracts).map((r) => r.name)).toEqual(["metallb"]);
    expect(crdInstallers(streamforge.releases, "monitoring.coreos.com", contracts).map((r) => r.name)).toEqual(["kube-prometheus-stack"]);
  });
});
