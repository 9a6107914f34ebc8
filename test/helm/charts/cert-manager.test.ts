import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { yamlOf } from "../../support/generated.ts";
import { derivedNeeds } from "../../../src/helm/needs.ts";

describe.each(streamforge.environments.map((e) => e.name))("cert-manager values in %s", (envName) => {
  it("S7 cert-manager installs and keeps its CRDs, so the issuers release can follow it", () => {
    expect(yamlOf(`values/${envName}/cert-manager.yaml`).crds).toEqual({ enabled: true, keep: true });
    expect(derivedNeeds(streamforge).get("cert-manager-issuers")).toContain("cert-manager");
  });

  it("S7 cert-manager creates no ServiceMonitor: kube-prometheus-stack, which brings that CRD, comes later", () => {
    expect(derivedNeeds(streamforge).get("cert-manager")).not.toContain("kube-prometheus-stack");
    expect(yamlOf(`values/${envName}/cert-manager.yaml`).prometheus.servicemonitor.enabled).toBe(false);
  });
});
