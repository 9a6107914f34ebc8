import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("cert-manager values in %s", (envName) => {
  it("S7 cert-manager installs and keeps its CRDs, so the issuers release can follow it", () => {
    expect(yamlOf(`values/${envName}/cert-manager.yaml`).crds).toEqual({ enabled: true, keep: true });
    expect(streamforge.releases.find((r) => r.name === "cert-manager-issuers")!.needs).toContain("cert-manager");
  });

  it("S7 cert-manager creates no ServiceMonitor: kube-prometheus-stack, which brings that CRD, comes later", () => {
    const release = streamforge.releases.find((r) => r.name === "cert-manager")!;
    expect(release.needs).not.toContain("kube-prometheus-stack");
    expect(yamlOf(`values/${envName}/cert-manager.yaml`).prometheus.servicemonitor.enabled).toBe(false);
  });
});
