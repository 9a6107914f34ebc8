/**
 * The DNS records of an environment, derived once from the model (S12): the zone file emitter,
 * `dns sync` and the DNS lint rules all read them from here.
 *
 * Zones: the environment's domain is its zone (`dmz.home` for prod, `lab.dmz.home` for lab).
 * A record whose name is not under that domain (the external hosts `gitlab.dmz.home` and
 * `nfs.dmz.home`, seen from lab) gets a zone of its own that holds just that name. Lab's resolver
 * then answers for the hosts lab uses without claiming the whole of `dmz.home`, which would shadow
 * every prod host for lab's clients.
 */
import { sha256Bytes } from "../sha256.ts";
import type { Environment, Fqdn, IPv4, Platform } from "./types.ts";
import { apiFqdn, externalTcpRoutes, installedWebHosts, isEnabled, kafkaExternal } from "./derive.ts";
import { settingsOf } from "./components.ts";

/**
 * The `comments` text `dns sync` puts on every record it creates in Technitium; it deletes only
 * records that carry it, so records made by hand are never touched.
 */
export const MANAGED_COMMENT = "managed by @streamforge/platform (dns sync)";

/** Why a record exists; lint messages and the JSON file name it. */
export type RecordSource =
  | { kind: "web"; ui: string }
  | { kind: "nameserver" }
  | { kind: "api" }
  | { kind: "node"; node: string }
  | { kind: "tcp"; route: string }
  | { kind: "external"; host: string };

/** One address record. Only A records: every fact of the model is an IPv4 address. */
export interface DnsRecord {
  name: Fqdn;
  type: "A";
  address: IPv4;
  ttl: number;
  source: RecordSource;
}

/** A zone as served by Technitium and written as an RFC 1035 file. */
export interface DnsZone {
  /** The zone apex, without trailing dot. */
  name: Fqdn;
  /** The name server (SOA MNAME and the NS record). */
  nameServer: Fqdn;
  /** The SOA RNAME as a domain name (`hostmaster.dmz.home`). */
  hostmaster: Fqdn;
  ttl: number;
  refresh: number;
  retry: number;
  expire: number;
  negativeTtl: number;
  /** Deterministic: derived from the zone's content, never from the clock. */
  serial: number;
  records: DnsRecord[];
}

/** The name server host of an environment (`ns.<domain>`), served on Technitium's LB IP. */
export function nameServerFqdn(env: Environment): Fqdn {
  return `${settingsOf(env, "dns").nsHost}.${env.domain}`;
}

/** Whether `name` is `zone` itself or a name below it. */
export function isUnder(name: Fqdn, zone: Fqdn): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

/**
 * Every record of an environment, in a fixed order: web UIs, name server, API, nodes, external
 * hosts, then the hosts of Traefik's TCP routes (the Kafka bootstrap and brokers, S11).
 */
export function dnsRecords(platform: Platform, env: Environment): DnsRecord[] {
  const ttl = settingsOf(env, "dns").zone.ttl;
  const a = (name: Fqdn, address: IPv4, source: RecordSource): DnsRecord => ({ name, type: "A", address, ttl, source });
  return [
    // A11: every installed web UI, Technitium's own included, is served by the ingress (Traefik) with TLS.
    ...installedWebHosts(platform, env).map(({ ui, fqdn }) => a(fqdn, env.ingress.loadBalancerIps.traefik, { kind: "web", ui })),
    a(nameServerFqdn(env), env.ingress.loadBalancerIps.dns, { kind: "nameserver" }),
    a(apiFqdn(env), env.cluster.apiVip, { kind: "api" }),
    ...env.nodes.map((node) => a(`${node.name}.${env.domain}`, node.ip, { kind: "node", node: node.name })),
    ...Object.entries(env.external).map(([host, ext]) => a(ext.fqdn, ext.ip, { kind: "external", host })),
    ...tcpHosts(platform, env).map(({ route, fqdn }) => a(fqdn, env.ingress.loadBalancerIps.traefik, { kind: "tcp", route })),
  ];
}

/**
 * Hosts clients reach through Traefik's TCP entry points: one per route to an external host (the
 * `ssh` route's `ssh.<domain>`, for git remotes), and the Kafka bootstrap and brokers, which
 * Traefik tells apart by SNI.
 */
function tcpHosts(platform: Platform, env: Environment): Array<{ route: string; fqdn: Fqdn }> {
  const external = externalTcpRoutes(env).map((r) => ({ route: r.route, fqdn: r.host }));
  const route = env.ingress.tcpRoutes.find((r) => "kafka" in r.backend);
  // A platform without the Kafka cluster release has no brokers to name.
  const kafkaRelease = platform.releases.find((r) => r.name === "kafka-cluster");
  if (!route || !kafkaRelease || !isEnabled(env, kafkaRelease)) return external;
  const kafka = kafkaExternal({ platform, env });
  return [...external, ...[kafka.bootstrapHost, ...kafka.brokers.map((b) => b.host)].map((fqdn) => ({ route: route.name, fqdn }))];
}

/** A short text naming a record's source, e.g. `web UI grafana`, `node k2m-1`. */
export function describeSource(source: RecordSource): string {
  switch (source.kind) {
    case "web":
      return `web UI ${source.ui}`;
    case "nameserver":
      return "name server (Technitium)";
    case "api":
      return "Kubernetes API (kube-vip)";
    case "node":
      return `node ${source.node}`;
    case "external":
      return `external host ${source.host}`;
    case "tcp":
      return `TCP route ${source.route} (Traefik)`;
  }
}

/** The zone a record belongs to: the environment's domain, or a zone of its own. */
export function zoneNameOf(env: Environment, name: Fqdn): Fqdn {
  return isUnder(name, env.domain) ? env.domain : name;
}

/** A serial from the zone's content: equal content, equal serial; 1..2^31-1 as RFC 1982 allows. */
function contentSerial(zone: Omit<DnsZone, "serial">): number {
  const hash = Buffer.from(sha256Bytes(JSON.stringify(zone)));
  return (hash.readUInt32BE(0) % 0x7fffffff) + 1;
}

/** The zones of an environment, the environment's own first, then the single-host zones by name. */
export function dnsZones(platform: Platform, env: Environment): DnsZone[] {
  const settings = settingsOf(env, "dns").zone;
  const byZone = new Map<Fqdn, DnsRecord[]>([[env.domain, []]]);
  for (const record of dnsRecords(platform, env)) {
    const zone = zoneNameOf(env, record.name);
    byZone.set(zone, [...(byZone.get(zone) ?? []), record]);
  }
  const names = [env.domain, ...[...byZone.keys()].filter((z) => z !== env.domain).sort()];
  return names.map((name) => {
    const zone = {
      name,
      nameServer: nameServerFqdn(env),
      hostmaster: `${settings.hostmaster}.${env.domain}`,
      ttl: settings.ttl,
      refresh: settings.refresh,
      retry: settings.retry,
      expire: settings.expire,
      negativeTtl: settings.negativeTtl,
      records: byZone.get(name) ?? [],
    };
    return { ...zone, serial: contentSerial(zone) };
  });
}
