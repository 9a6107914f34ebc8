import { describe, expect, it } from "vitest";
import { conflictingRecords } from "../../../src/dns/rules/conflicting-records.ts";
import { hostHasRecord, hostsIn } from "../../../src/dns/rules/host-has-record.ts";
import { recordOutsideLan } from "../../../src/dns/rules/record-outside-lan.ts";
import { tlsHostHasRecord } from "../../../src/dns/rules/tls-host-has-record.ts";
import { dnsRules } from "../../../src/dns/rules/index.ts";
import { generate } from "../../../src/pipeline/generate.ts";
import { applyOverride, type Override } from "../../../src/core/model/override.ts";
import type { Environment, Platform } from "../../../src/core/model/types.ts";
import { prod, streamforge } from "../../../src/platform/streamforge.ts";
import { runRule } from "./support.ts";

/** The embedded platform with prod changed. */
function withProd(patch: Override<Environment>): Platform {
  return { ...streamforge, environments: streamforge.environments.map((e) => (e.name === "prod" ? applyOverride<Environment>(prod, patch) : e)) };
}

/** 1-based line of the first line of a generated file that matches. */
function lineOf(platform: Platform, path: string, pattern: RegExp): number {
  const text = generate(platform).find((r) => r.path === path)?.content ?? "";
  return text.split("\n").findIndex((l) => pattern.test(l)) + 1;
}

describe("DNS lint rules", () => {
  it("exports five rules with ids and descriptions", () => {
    expect(dnsRules.map((r) => r.id)).toEqual(["dns/host-without-record", "dns/conflicting-records", "dns/record-outside-lan", "dns/tls-host-without-record", "dns/files-match-model"]);
    for (const rule of dnsRules) expect(rule.description).not.toBe("");
  });

  it.each(["prod", "lab"])("the embedded model has no conflicting, out-of-LAN or TLS-without-record findings in %s", (env) => {
    for (const rule of [conflictingRecords, recordOutsideLan, tlsHostHasRecord]) expect(runRule(rule, streamforge, env), rule.id).toEqual([]);
  });

  it("dns/host-without-record: a host in a values file with no record, at its line", () => {
    const extra = { path: "values/prod/extra.yaml", text: "# hand-made\nweb:\n  url: https://ghost.dmz.home/login\n  mail: ops@dmz.home\n  peer: grafana.dmz.home:443\n" };
    const found = runRule(hostHasRecord, streamforge, "prod", [extra]).filter((d) => d.file === extra.path);
    expect(found).toEqual([
      expect.objectContaining({ rule: "dns/host-without-record", file: "values/prod/extra.yaml", pointer: "/web/url", position: { line: 3, column: 8 } }),
    ]);
    expect(found[0]?.message).toBe('host "ghost.dmz.home" has no DNS record in prod');
  });

  it("dns/host-without-record: a host a value names twice, once in capitals, is one finding, in lower case", () => {
    // The rule matches the hosts itself (not through hostsIn): it must still fold case and report each host once per value.
    const extra = { path: "values/prod/extra.yaml", text: "web:\n  urls: https://GHOST.dmz.home/a https://ghost.dmz.home/b grafana.dmz.home\n" };
    const found = runRule(hostHasRecord, streamforge, "prod", [extra]).filter((d) => d.file === extra.path);
    expect(found.map((d) => [d.pointer, d.message])).toEqual([["/web/urls", 'host "ghost.dmz.home" has no DNS record in prod']]);
  });

  it("dns/host-without-record finds hosts in URLs and host:port, not e-mail or bare domains", () => {
    expect(hostsIn("https://a.dmz.home/x, [smtp.dmz.home]:587, x@dmz.home, dmz.home, b.lab.dmz.home", ["dmz.home"])).toEqual(["a.dmz.home", "smtp.dmz.home", "b.lab.dmz.home"]);
  });

  it("dns/conflicting-records: a node named like a web UI gives grafana.dmz.home two addresses", () => {
    const platform = withProd({ nodes: [...prod.nodes, { ...prod.nodes[3]!, name: "grafana", ip: "192.168.1.120" }] });
    const found = runRule(conflictingRecords, platform, "prod");
    expect(found).toEqual([
      expect.objectContaining({
        rule: "dns/conflicting-records",
        file: "dns/prod/dmz.home.zone",
        position: { line: lineOf(platform, "dns/prod/dmz.home.zone", /^grafana\s.*192\.168\.1\.120/), column: 1 },
      }),
    ]);
    expect(found[0]?.message).toBe("prod: grafana.dmz.home resolves to 192.168.1.120 (node grafana) and to 192.168.1.153 (web UI grafana)");
  });

  it("dns/record-outside-lan: an external host outside 192.168.1.0/24", () => {
    const platform = withProd({ external: { gitlab: { fqdn: "gitlab.dmz.home", ip: "10.0.0.10" } } });
    const found = runRule(recordOutsideLan, platform, "prod");
    expect(found).toEqual([
      expect.objectContaining({
        rule: "dns/record-outside-lan",
        file: "dns/prod/dmz.home.zone",
        message: "prod: gitlab.dmz.home -> 10.0.0.10 is outside the LAN 192.168.1.0/24",
        position: { line: lineOf(platform, "dns/prod/dmz.home.zone", /^gitlab\s/), column: 1 },
      }),
    ]);
  });

  it("dns/tls-host-without-record: a Certificate for a name the zone does not hold", () => {
    const extra = {
      path: "manifests/prod/gateway-routes/certificate-traefik-ghost.yaml",
      text: "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: ghost\n  namespace: traefik\nspec:\n  secretName: ghost-tls\n  dnsNames:\n    - grafana.dmz.home\n    - ghost.dmz.home\n  issuerRef:\n    name: homelab-ca-issuer\n    kind: ClusterIssuer\n",
    };
    const found = runRule(tlsHostHasRecord, streamforge, "prod", [extra]);
    expect(found).toEqual([
      expect.objectContaining({ rule: "dns/tls-host-without-record", file: extra.path, pointer: "/spec/dnsNames/1", position: { line: 10, column: 7 } }),
    ]);
  });

  it("dns/tls-host-without-record: a web UI whose name resolves past the ingress", () => {
    // The ns host label set to a web UI's label: dns.dmz.home then points at Technitium, not Traefik.
    const platform = withProd({ ingress: { hosts: { ...prod.ingress.hosts, dns: "ns" } } });
    const found = runRule(tlsHostHasRecord, platform, "prod");
    expect(found).toEqual([
      expect.objectContaining({ rule: "dns/tls-host-without-record", file: "src/platform/streamforge.ts", pointer: "/environments/0/ingress/hosts/dns" }),
    ]);
  });
});
