/**
 * Facts computed from the model, computed here once so that every emitter agrees on them
 * (host names, namespaces, service addresses, which releases are installed).
 */
import type { ClusterNode, Environment, Fqdn, IPv4, Platform, Release, WebUi } from "./types.ts";

/** What an emitter knows while it builds one release of one environment. */
export interface Context {
  platform: Platform;
  env: Environment;
}

/** The FQDN of a web UI in an environment (A11): `<label>.<domain>`. */
export function hostOf(env: Environment, ui: WebUi): Fqdn {
  return `${env.ingress.hosts[ui]}.${env.domain}`;
}

/** Every web UI host of an environment, in the model's order. */
export function webHosts(env: Environment): Array<{ ui: WebUi; fqdn: Fqdn }> {
  return (Object.keys(env.ingress.hosts) as WebUi[]).map((ui) => ({ ui, fqdn: hostOf(env, ui) }));
}

/** The API server's host name (A16). */
export function apiFqdn(env: Environment): Fqdn {
  return `${env.cluster.apiHost}.${env.domain}`;
}

/** Resolvers for the VMs: the platform's own DNS first, then the gateway. */
export function nameservers(env: Environment): IPv4[] {
  return [env.ingress.loadBalancerIps.dns, env.network.gateway];
}

/** The release named `name`; throws when the platform has none, since that is a model bug. */
export function releaseOf(platform: Platform, name: string): Release {
  const release = platform.releases.find((r) => r.name === name);
  if (!release) throw new Error(`platform ${platform.name} has no release named "${name}"`);
  return release;
}

/** The namespace a release installs into. */
export function namespaceOf(platform: Platform, name: string): string {
  return releaseOf(platform, name).namespace;
}

/** Whether a release is installed in an environment. */
export function isEnabled(env: Environment, release: Release): boolean {
  return !env.disabled.includes(release.name);
}

/** In-cluster DNS name of a service. */
export function serviceHost(service: string, namespace: string): Fqdn {
  return `${service}.${namespace}.svc.cluster.local`;
}

/** The Kafka cluster's TLS bootstrap address, `host:port` (S21, A10). */
export function kafkaBootstrap({ platform, env }: Context): string {
  const kafka = env.components.kafka;
  return `${serviceHost(`${kafka.cluster}-kafka-bootstrap`, namespaceOf(platform, "kafka-cluster"))}:${kafka.tlsPort}`;
}

/** The mail relay's SMTP address, `host:port` (S38). */
export function mailRelay({ platform, env }: Context): string {
  return `${serviceHost("mailrelay", namespaceOf(platform, "mailrelay"))}:${env.components.mail.port}`;
}

/** The Keycloak realm's OpenID Connect issuer URL (S35, A12). */
export function oidcIssuer(env: Environment): string {
  return `https://${hostOf(env, "keycloak")}/realms/${env.components.keycloak.realm}`;
}

/** The node named `name`; throws when the environment has none. */
export function nodeOf(env: Environment, name: string): ClusterNode {
  const node = env.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`environment ${env.name} has no node named "${name}"`);
  return node;
}

/** A node selector pinning a pod to one node by its host name label. */
export function onNode(name: string): Record<string, string> {
  return { "kubernetes.io/hostname": name };
}

/** The TLS secret name a host's certificate is stored in. */
export function tlsSecretOf(fqdn: Fqdn): string {
  return `${fqdn.replaceAll(".", "-")}-tls`;
}

/** The default storage class of an environment. */
export function defaultStorageClass(env: Environment): string {
  const cls = env.storageClasses.find((c) => c.default);
  if (!cls) throw new Error(`environment ${env.name} has no default storage class`);
  return cls.name;
}

/**
 * The Secret the Zalando operator generates for a database role (S19), by reference only (A13).
 * With the operator's `enable_cross_namespace_secret`, a role declared as `<namespace>.<user>`
 * gets its Secret in `<namespace>`; the operator's default `secret_name_template`
 * (`{username}.{cluster}.credentials.{tprkind}.{tprgroup}`) then names it with that prefix.
 * Keys are `username` and `password`.
 */
export function postgresUserSecret(env: Environment, user: string, namespace: string): { secret: string; namespace: string; manifestUser: string } {
  const manifestUser = `${namespace}.${user}`;
  return {
    secret: `${manifestUser}.${env.components.postgres.name}.credentials.postgresql.acid.zalan.do`,
    namespace,
    manifestUser,
  };
}

/** The nodes with an NVIDIA GPU (A4), where the GPU operator's operands belong (S36). */
export function gpuNodes(env: Environment): ClusterNode[] {
  return env.nodes.filter((n) => n.gpu === true);
}

/** GitLab's base URL, with the trailing slash the runner registers against (S29, A15). */
export function gitlabUrl(env: Environment): string {
  return `https://${env.external.gitlab.fqdn}/`;
}
