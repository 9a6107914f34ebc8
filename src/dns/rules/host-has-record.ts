import type { Diagnostic } from "../../core/diagnostics/types.ts";
import type { Rule } from "../../core/lint/context.ts";
import { hasRecord, recordsByName } from "./records.ts";

/** Domains whose names the platform's resolvers must answer: the zone and its parents (`lab.dmz.home`, `dmz.home`). */
function siteDomains(domain: string): string[] {
  const labels = domain.split(".");
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Host names under `domains` in a string: URLs, `host:port`, bare names; not e-mail domains. */
export function hostsIn(text: string, domains: string[]): string[] {
  const { anyDomain, hosts } = hostPatterns(domains);
  // Most values name no domain at all: a plain search says so faster than the host pattern.
  if (!anyDomain.test(text)) return [];
  return [...text.matchAll(hosts)].map((m) => (m[1] ?? "").toLowerCase());
}

/** Compiled once per list of domains: the rule asks for every string value of an environment. */
const patterns = new Map<string, { anyDomain: RegExp; hosts: RegExp }>();

function hostPatterns(domains: string[]): { anyDomain: RegExp; hosts: RegExp } {
  const key = domains.join(" ");
  let found = patterns.get(key);
  if (!found) {
    const suffix = domains.map(escape).join("|");
    found = {
      // Every host the pattern below matches contains one of the domains.
      anyDomain: new RegExp(suffix, "i"),
      // `matchAll` matches on a copy, so the shared expression's `lastIndex` never moves.
      hosts: new RegExp(`(?<![@\\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${suffix}))(?![\\w-]|\\.[a-z0-9])`, "gi"),
    };
    patterns.set(key, found);
  }
  return found;
}

/** A host in values or a manifest that the platform's DNS cannot resolve breaks at run time, not at deploy time. */
export const hostHasRecord: Rule = {
  id: "dns/host-without-record",
  description: "every host named in generated values or manifests has a DNS record",
  check(ctx) {
    const byName = recordsByName(ctx.platform, ctx.env);
    const domains = siteDomains(ctx.env.domain);
    // Looked up once per environment, not once per value.
    const { anyDomain } = hostPatterns(domains);
    const out: Diagnostic[] = [];
    // `site` is read for a finding only: it builds the value's pointer.
    const visits = ctx.values();
    for (let i = 0; i < visits.length; i++) {
      const visit = visits[i]!;
      const { value } = visit;
      if (typeof value !== "string" || !anyDomain.test(value)) continue;
      for (const host of new Set(hostsIn(value, domains))) {
        // A bare domain (`ALLOWED_SENDER_DOMAINS=lab.dmz.home`) names a zone, not a host.
        if (domains.includes(host) || hasRecord(byName, host)) continue;
        out.push(ctx.at(this.id, visit.site, `host "${host}" has no DNS record in ${ctx.env.name}`, { hint: "add it to the model (a web UI, a node or an external host) so dns/ gets a record" }));
      }
    }
    return out;
  },
};
