import { describe, expect, it } from "vitest";
import { installedWebHosts, webUiRelease } from "../../../src/core/model/derive.ts";
import { dnsRecords } from "../../../src/core/model/dns.ts";
import { webBackends } from "../../../src/helm/charts/web-backends.ts";
import type { WebUi } from "../../../src/core/model/types.ts";
import { prod, streamforge } from "../../../src/platform/streamforge.ts";
import { platform as mini } from "../../fixtures/models/mini.ts";

describe("hosts and DNS records of web UIs", () => {
  it("name the same serving release as the web backends that route them", () => {
    for (const ui of Object.keys(webBackends) as WebUi[]) expect(webUiRelease[ui], ui).toBe(webBackends[ui].release);
  });

  it("exist for every UI of the full platform", () => {
    expect(installedWebHosts(streamforge, prod).map((h) => h.ui).sort()).toEqual(Object.keys(prod.ingress.hosts).sort());
  });

  it("exist only for installed releases: a platform of MetalLB and cert-manager has no web UI record", () => {
    const home = mini.environments[0]!;
    expect(installedWebHosts(mini, home)).toEqual([]);
    expect(dnsRecords(mini, home).filter((r) => r.source.kind === "web")).toEqual([]);
  });

  it("disappear with a release disabled in one environment", () => {
    const noUi = { ...prod, disabled: [...prod.disabled, "kafka-ui"] };
    const names = dnsRecords(streamforge, noUi).map((r) => r.name);
    expect(names).not.toContain(`${prod.ingress.hosts["kafka-ui"]}.${prod.domain}`);
    expect(names).toContain(`${prod.ingress.hosts.grafana}.${prod.domain}`);
  });
});
