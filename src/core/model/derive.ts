/**
 * Facts computed from the model, computed here once so that every emitter agrees on them
 * (host names, namespaces, service addresses, which releases are installed).
 */
import type { ClusterNode, Environment, Fqdn, IPv4, Platform, Release, WebUi } from "./types.ts";
import { settingsOf } from "./components.ts";

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

/**
 * The release that serves each web UI (`src/charts/web-backends.ts` resolves its Service; a
 * test keeps the two in step). A UI gets a host, a route and a DNS record only where that
 * release is part of the platform and installed in the environment.
 */
export const webUiRelease: Readonly<Record<WebUi, string>> = {
  grafana: "kube-prometheus-stack",
  prometheus: "kube-prometheus-stack",
  alertmanager: "kube-prometheus-stack",
  "kafka-ui": "kafka-ui",
  argocd: "argo-cd",
  kibana: "eck-kibana",
  keycloak: "keycloakx",
  vault: "vault",
  minio: "minio",
  traefik: "traefik",
  dns: "technitium",
};

/** The web UI hosts of an environment whose serving release is installed there. */
export function installedWebHosts(platform: Platform, env: Environment): Array<{ ui: WebUi; fqdn: Fqdn }> {
  return webHosts(env).filter(({ ui }) => {
    const release = platform.releases.find((r) => r.name === webUiRelease[ui]);
    return release !== undefined && isEnabled(env, release);
  });
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
  const kafka = settingsOf(env, "kafka");
  return `${serviceHost(`${kafka.cluster}-kafka-bootstrap`, namespaceOf(platform, "kafka-cluster"))}:${kafka.tlsPort}`;
}

/**
 * The mail relay's SMTP Service (S38): named after its release, in the release's namespace. The
 * mailrelay chart adapter names its Service from this, so senders and the relay agree.
 */
export function mailRelayService({ platform, env }: Context): { service: string; namespace: string; port: number } {
  const release = releaseOf(platform, "mailrelay");
  return { service: release.name, namespace: release.namespace, port: settingsOf(env, "mail").port };
}

/** The mail relay's SMTP address, `host:port` (S38). */
export function mailRelay(ctx: Context): string {
  const { service, namespace, port } = mailRelayService(ctx);
  return `${serviceHost(service, namespace)}:${port}`;
}

/**
 * The Gateway API objects every web UI attaches to (S5): Traefik's GatewayClass and one Gateway
 * in Traefik's namespace, both named after the Traefik release.
 */
export function gatewayOf({ platform }: Context): { name: string; namespace: string; className: string } {
  const release = releaseOf(platform, "traefik");
  return { name: release.name, namespace: release.namespace, className: release.name };
}

/** The Keycloak realm's OpenID Connect issuer URL (S35, A12). */
export function oidcIssuer(env: Environment): string {
  return `https://${hostOf(env, "keycloak")}/realms/${settingsOf(env, "keycloak").realm}`;
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
 * Name of the Kafka cluster's only node pool: every node is both KRaft controller and broker
 * (A10). Strimzi names its pods and per-broker Services `<cluster>-<pool>-<nodeId>`.
 */
export function kafkaPoolName(_env: Environment): string {
  return "dual-role";
}

/** One broker as the external listener advertises it. */
export interface KafkaExternalBroker {
  nodeId: number;
  /** Strimzi's per-broker Service of the external listener (port `port`). */
  service: string;
  /** Host name the broker advertises; Traefik routes it by TLS SNI to `service`. */
  host: Fqdn;
}

/**
 * The Kafka cluster's external listener behind Traefik's `kafka` TCP entry point (S11, A10).
 * Traefik passes TLS through and picks the backend by SNI, so the bootstrap address and every
 * broker have a host of their own under the domain, all on the entry point's port. Strimzi
 * names the Services `<cluster>-kafka-external-bootstrap` and `<cluster>-<pool>-<nodeId>` for a listener
 * named `external` on port 9094; node ids are pinned to `0..replicas-1` on the node pool.
 */
export function kafkaExternal({ platform, env }: Context): {
  listener: string;
  namespace: string;
  /** Port of the listener inside the cluster (the Services' port). */
  port: number;
  /** Port clients use: Traefik's entry point. */
  advertisedPort: number;
  bootstrapService: string;
  bootstrapHost: Fqdn;
  brokers: KafkaExternalBroker[];
} {
  const kafka = settingsOf(env, "kafka");
  const route = env.ingress.tcpRoutes.find((r) => "kafka" in r.backend);
  if (!route) throw new Error(`environment ${env.name} has no TCP route to the Kafka external listener`);
  const pool = kafkaPoolName(env);
  return {
    listener: "external",
    namespace: namespaceOf(platform, "kafka-cluster"),
    port: kafka.externalPort,
    advertisedPort: route.port,
    bootstrapService: `${kafka.cluster}-kafka-external-bootstrap`,
    bootstrapHost: `${route.name}.${env.domain}`,
    brokers: Array.from({ length: kafka.replicas }, (_, nodeId) => ({
      nodeId,
      service: `${kafka.cluster}-${pool}-${nodeId}`,
      host: `${route.name}-${nodeId}.${env.domain}`,
    })),
  };
}

/**
 * config-syncer's annotation (S37): the Secret or ConfigMap carrying it is copied into every
 * namespace its value (a label selector) matches, and kept in step.
 */
export const SYNC_ANNOTATION = "kubed.appscode.com/sync";

/**
 * Namespaces labelled `<KAFKA_CLIENT_LABEL>=true` receive a copy of the Kafka cluster CA Secret:
 * a client (and KEDA's scaler, which reads Secrets of the scaled workload's namespace only) can
 * then trust the brokers without reading the `kafka` namespace.
 */
export const KAFKA_CLIENT_LABEL = "streamforge.io/kafka-client";

/** Strimzi's Secret holding the cluster CA certificate clients trust (`ca.crt`, `ca.p12`). */
export function kafkaClusterCaSecret(env: Environment): string {
  return `${settingsOf(env, "kafka").cluster}-cluster-ca-cert`;
}

/** The PostgreSQL cluster's read-write Service address, `host:port` (S19). */
export function postgresAddress({ platform, env }: Context): string {
  return `${serviceHost(settingsOf(env, "postgres").name, namespaceOf(platform, "postgres-cluster"))}:5432`;
}

/** The Elasticsearch HTTPS endpoint ECK creates for the cluster (`<name>-es-http`, S25). */
export function elasticsearchUrl({ platform, env }: Context): string {
  const es = settingsOf(env, "logging").elasticsearch;
  return `https://${serviceHost(`${es.name}-es-http`, namespaceOf(platform, "eck-elasticsearch"))}:9200`;
}

/** ECK's Secrets of an Elasticsearch cluster: the `elastic` user and the public HTTP CA. */
export function elasticsearchSecrets(env: Environment): { elasticUser: { secret: string; key: string }; httpCa: { secret: string; key: string } } {
  const name = settingsOf(env, "logging").elasticsearch.name;
  return {
    elasticUser: { secret: `${name}-es-elastic-user`, key: "elastic" },
    httpCa: { secret: `${name}-es-http-certs-public`, key: "ca.crt" },
  };
}

/** MinIO's in-cluster S3 endpoint (the chart's Service `minio`, port 9000; S16). */
export function s3Endpoint({ platform }: Context): string {
  return `http://${serviceHost("minio", namespaceOf(platform, "minio"))}:9000`;
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
    secret: `${manifestUser}.${settingsOf(env, "postgres").name}.credentials.postgresql.acid.zalan.do`,
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

/**
 * The environment the GitLab CI templates follow (S28-S31). There is one GitLab (A15) and the
 * application repositories include one set of templates, so they are shared by all environments
 * and read the default environment's model.
 */
export function ciEnvironment(platform: Platform): Environment {
  const env = platform.environments.find((e) => e.name === platform.defaultEnvironment);
  if (!env) throw new Error(`default environment ${platform.defaultEnvironment} is not an environment of ${platform.name}`);
  return env;
}

/** Where CI jobs find `config.json` with the registry credentials: the runner volume `ci.dockerConfigVolume`. */
export function ciDockerConfigDir(env: Environment): string {
  const name = settingsOf(env, "ci").dockerConfigVolume;
  const volume = settingsOf(env, "runner").volumes.find((v) => v.name === name && v.kind === "secret");
  if (!volume) throw new Error(`ci.dockerConfigVolume ${name} is not a secret volume of the runner (components.runner.volumes)`);
  return volume.mountPath;
}
