/**
 * DNS output of one environment (S12), from the records `model/dns.ts` derives:
 * `dns/<env>/<zone>.zone`, an RFC 1035 zone file per zone (Technitium imports them), and
 * `dns/<env>/records.json`, the same records keyed by the parameter names of Technitium's
 * `/api/zones/records/add` call.
 */
import type { Environment, Platform } from "../core/model/types.ts";
import { type DnsZone, MANAGED_COMMENT, describeSource, dnsZones } from "../core/model/dns.ts";
import { type FileRecord, header } from "../core/files.ts";

/** Where a zone's file goes. */
export function zoneFilePath(env: string, zone: string): string {
  return `dns/${env}/${zone}.zone`;
}

export function recordsJsonPath(env: string): string {
  return `dns/${env}/records.json`;
}

/** The owner name relative to the zone's origin (`@` for the apex). */
function relative(name: string, zone: string): string {
  return name === zone ? "@" : name.slice(0, -(zone.length + 1));
}

/** One zone as RFC 1035 master file text. */
function zoneFileText(env: Environment, zone: DnsZone): string {
  const owners = ["@", ...zone.records.map((r) => relative(r.name, zone.name))];
  const width = Math.max(...owners.map((o) => o.length)) + 1;
  const line = (owner: string, ttl: number | "", type: string, data: string, comment?: string) =>
    `${owner.padEnd(width)}${String(ttl).padEnd(8)}IN  ${type.padEnd(5)} ${data}${comment ? ` ; ${comment}` : ""}\n`;
  return [
    header(";"),
    `; Zone ${zone.name} of environment ${env.name}, served by Technitium DNS (S12).\n`,
    `$ORIGIN ${zone.name}.\n`,
    `$TTL ${zone.ttl}\n`,
    line(
      "@",
      "",
      "SOA",
      `${zone.nameServer}. ${zone.hostmaster}. ${zone.serial} ${zone.refresh} ${zone.retry} ${zone.expire} ${zone.negativeTtl}`,
      "serial raised whenever the zone changes",
    ),
    line("@", "", "NS", `${zone.nameServer}.`),
    ...zone.records.map((r) => line(relative(r.name, zone.name), r.ttl, r.type, r.address, describeSource(r.source))),
  ].join("");
}

/** The generated-file marker as a sentence, for formats without comments. */
function headerText(): string {
  return header("#").replace(/^# /, "").trimEnd();
}

/** Every zone's records in the shape of Technitium's API, with the header as `$comment`. */
function recordsJson(env: Environment, zones: DnsZone[]): string {
  const data = {
    $comment: headerText(),
    environment: env.name,
    zones: zones.map((zone) => ({
      zone: zone.name,
      type: "Primary",
      records: zone.records.map((r) => ({
        domain: r.name,
        type: r.type,
        ttl: r.ttl,
        ipAddress: r.address,
        comments: MANAGED_COMMENT,
      })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The JSON file with its data, so lint reads the data instead of parsing the text again. */
function recordsJsonRecord(env: Environment, zones: DnsZone[]): FileRecord {
  const content = recordsJson(env, zones);
  return { path: recordsJsonPath(env.name), content, documents: [JSON.parse(content) as unknown], env: env.name };
}

export function emitDns(platform: Platform, env: Environment): FileRecord[] {
  const zones = dnsZones(platform, env);
  return [
    ...zones.map((zone) => ({ path: zoneFilePath(env.name, zone.name), content: zoneFileText(env, zone), env: env.name })),
    recordsJsonRecord(env, zones),
  ];
}
