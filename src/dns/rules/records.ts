/**
 * What the DNS rules share: the environment's records (from `model/dns.ts`, the same the zone
 * files hold) and where each one is written, so a finding points at its zone file line.
 */
import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { type DnsRecord, describeSource, dnsRecords, isUnder, zoneNameOf } from "../../core/model/dns.ts";
import { zoneFilePath } from "../emit.ts";
import type { Environment, Platform } from "../../core/model/types.ts";
import type { RuleContext } from "../../core/lint/context.ts";

/** Records of the environment by name. */
export function recordsByName(platform: Platform, env: Environment): Map<string, DnsRecord[]> {
  const out = new Map<string, DnsRecord[]>();
  for (const record of dnsRecords(platform, env)) out.set(record.name, [...(out.get(record.name) ?? []), record]);
  return out;
}

/** Whether some record answers for `host`; a wildcard host needs a record below its base. */
export function hasRecord(byName: Map<string, DnsRecord[]>, host: string): boolean {
  if (!host.startsWith("*.")) return byName.has(host);
  const base = host.slice(2);
  return [...byName.keys()].some((name) => name !== base && isUnder(name, base));
}

/** A finding about one record, at its line in the environment's zone file. */
export function atRecord(ctx: RuleContext, rule: string, record: DnsRecord, message: string, hint?: string): Diagnostic {
  const zone = zoneNameOf(ctx.env, record.name);
  const path = zoneFilePath(ctx.env.name, zone);
  const owner = record.name === zone ? "@" : record.name.slice(0, -(zone.length + 1));
  const lines = ctx.files.find((f) => f.path === path)?.text.split("\n") ?? [];
  const index = lines.findIndex((line) => {
    const fields = line.split(/\s+/);
    return fields[0] === owner && fields.includes("A") && fields.includes(record.address);
  });
  return {
    rule,
    severity: "error",
    message: `${ctx.env.name}: ${message}`,
    file: path,
    ...(index >= 0 ? { position: { line: index + 1, column: 1 } } : {}),
    hint: hint ?? `the record comes from the model's ${describeSource(record.source)}`,
  };
}
