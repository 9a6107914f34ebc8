import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { hostOf, installedWebHosts } from "../../core/model/derive.ts";
import type { Rule } from "../../core/lint/context.ts";
import { endpoints, servedHosts } from "../../core/lint/hosts.ts";
import { hasRecord, recordsByName } from "./records.ts";

/**
 * A certificate for a name nobody can resolve is a certificate nobody can use; a web UI whose
 * record skips the ingress is served without the ingress's TLS.
 */
export const tlsHostHasRecord: Rule = {
  id: "dns/tls-host-without-record",
  description: "every certificate or TLS host has a DNS record, and web UIs point at the ingress",
  aboutModel: true,
  check(ctx) {
    const byName = recordsByName(ctx.platform, ctx.env);
    const ingress = new Set(Object.values(ctx.env.ingress.loadBalancerIps).filter((ip) => ip !== ctx.env.ingress.loadBalancerIps.dns));
    const out: Diagnostic[] = [];
    for (const { ui, fqdn } of installedWebHosts(ctx.platform, ctx.env)) {
      const addresses = (byName.get(fqdn) ?? []).map((r) => r.address);
      if (addresses.length && addresses.every((a) => ingress.has(a))) continue;
      const found = addresses.length ? `resolves to ${addresses.join(", ")}, not only to an ingress IP (${[...ingress].join(", ")})` : "has no DNS record";
      out.push(ctx.model(this.id, ["ingress", "hosts", ui], `web UI host ${hostOf(ctx.env, ui)} ${found}`, { hint: "web UIs are served with TLS by the ingress (A11)" }));
    }
    if (!ctx.searchFiles) return out;
    const tlsSites = [
      ...servedHosts(ctx).filter((h) => h.role === "tls").map((h) => ({ host: h.host, site: h.site })),
      ...endpoints(ctx)
        .filter((e) => e.tls)
        .flatMap((e) => e.hosts.map((host) => ({ host, site: e.site }))),
    ];
    const seen = new Set<string>();
    for (const { host, site } of tlsSites) {
      const key = `${host}@${site.file.path}#${site.pointer}`;
      if (seen.has(key) || hasRecord(byName, host)) continue;
      seen.add(key);
      out.push(ctx.at(this.id, site, `TLS host "${host}" has no DNS record in ${ctx.env.name}`, { hint: "add the host to the model so dns/ gets a record" }));
    }
    return out;
  },
};
