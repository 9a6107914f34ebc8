/**
 * Facts computed from the model, computed here once so that every emitter agrees on them
 * (host names, namespaces, service addresses, which releases are installed).
 */
import type { ClusterNode, Components, Environment, Fqdn, IPv4, Platform, Release, WebUi } from "./types.ts";
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

/** The sender domains the relay accepts (`ALLOWED_SENDER_DOMAINS`): the environment's own. */
export function mailSenderDomains(env: Environment): string[] {
  return [env.domain];
}

/** Alertmanager's sender address: its local part at the environment's domain (S27, S38). */
export function alertmanagerSender(env: Environment): string {
  return `${settingsOf(env, "monitoring").alertmanager.emailFromLocalPart}@${env.domain}`;
}

/**
 * The relay's delivery route (S38): Postfix's `relayhost` in brackets (`[host]:port`), which
 * sends everything to that host's A record, not to an MX.
 */
export function mailDeliveryRoute(env: Environment): { host: Fqdn; port: number; relayhost: string; loginSecret?: string } {
  const delivery = settingsOf(env, "mail").delivery;
  const host = env.external[delivery.host].fqdn;
  return { host, port: delivery.port, relayhost: `[${host}]:${delivery.port}`, ...(delivery.loginSecret ? { loginSecret: delivery.loginSecret } : {}) };
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

/** config-syncer's annotation: a Secret carrying it is copied into the namespaces its value selects (S37). */
export const CONFIG_SYNC_ANNOTATION = "kubed.appscode.com/sync";

/** The label Kubernetes puts on every namespace with its own name (1.22+). */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/** config-syncer's annotation value that selects exactly these namespaces (a set-based label selector). */
export function syncToNamespaces(namespaces: string[]): Record<string, string> {
  return { [CONFIG_SYNC_ANNOTATION]: `${NAMESPACE_NAME_LABEL} in (${[...new Set(namespaces)].sort().join(",")})` };
}

/**
 * The releases whose pods call an HTTPS endpoint with a certificate from the internal CA issuer:
 * Grafana, Argo CD, Elasticsearch and Kafka UI call Keycloak (OIDC); Grafana and Fluent Bit call
 * Elasticsearch, whose HTTP certificate the issuer signs too.
 */
export const CA_BUNDLE_CONSUMERS = ["kube-prometheus-stack", "argo-cd", "eck-elasticsearch", "fluent-bit", "kafka-ui"] as const;

/**
 * The namespaces the CA bundle is copied into: those of the consumers installed in `env`. A
 * platform without one of them (a consumer's smaller platform) simply has fewer.
 */
export function caBundleNamespaces(platform: Platform, env: Environment): string[] {
  const installed = CA_BUNDLE_CONSUMERS.flatMap((name) => platform.releases.filter((r) => r.name === name && isEnabled(env, r)));
  return [...new Set(installed.map((r) => r.namespace))].sort();
}

/**
 * The internal CA's public certificate as every consumer reads it: the Secret `ingress.caBundle`,
 * created in cert-manager's namespace with config-syncer's annotation (so it is copied into each
 * consumer's namespace) and Argo CD's label (Argo CD resolves `$<secret>:<key>` only in Secrets
 * labelled `app.kubernetes.io/part-of: argocd`).
 */
export function caBundle({ platform, env }: Context): {
  secret: string;
  key: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  namespaces: string[];
} {
  const namespaces = caBundleNamespaces(platform, env);
  return {
    ...env.ingress.caBundle,
    namespace: namespaceOf(platform, "cert-manager"),
    labels: { "app.kubernetes.io/part-of": "argocd" },
    annotations: syncToNamespaces(namespaces),
    namespaces,
  };
}

/** An application that logs in through the Keycloak realm (S35, A12). */
export type OidcClient = keyof Components["keycloak"]["clients"];

/**
 * The client scopes Keycloak creates in a realm whose import lists no `clientScopes` (Keycloak
 * 26, `RealmManager.importRealm` calls `createDefaultClientScopes` only then). The realm import
 * lists none, so these are the scopes a client may request; `openid` is the protocol's own.
 */
export const KEYCLOAK_BUILTIN_SCOPES: readonly string[] = ["openid", "profile", "email", "address", "phone", "offline_access", "roles", "web-origins", "microprofile-jwt", "acr", "basic"];

/**
 * The scopes each client requests. Group membership is not a scope: every client of the realm
 * has a `groups` protocol mapper, so the claim is in every token without being requested.
 */
export const OIDC_SCOPES: Readonly<Record<OidcClient, readonly string[]>> = {
  grafana: ["openid", "email", "profile"],
  kibana: ["openid", "email", "profile"],
  argocd: ["openid", "profile", "email"],
  "kafka-ui": ["openid", "profile", "email"],
};

/** The token claim that carries the user's realm groups (the clients' `groups` mapper). */
export const GROUPS_CLAIM = "groups";

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
interface KafkaExternalBroker {
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
 * The host name of a plain TCP route to a host outside the cluster (S11): `<route>.<domain>`,
 * which resolves to Traefik's LoadBalancer IP; the route's entry point port is part of the address.
 */
export function externalTcpRoutes(env: Environment): Array<{ route: string; host: Fqdn; port: number; backend: string }> {
  return env.ingress.tcpRoutes.flatMap((r) => ("external" in r.backend ? [{ route: r.name, host: `${r.name}.${env.domain}`, port: r.port, backend: r.backend.external }] : []));
}

/**
 * The remote users put in git for a GitLab project through Traefik's `ssh` route (S11, A15):
 * `ssh://git@ssh.<domain>:<port>/<project>.git` (GitLab's SSH user is `git`).
 */
export function gitSshRemote(env: Environment, projectPath: string): string {
  const route = externalTcpRoutes(env).find((r) => r.backend === "gitlab");
  if (!route) throw new Error(`environment ${env.name} has no TCP route to GitLab`);
  return `ssh://git@${route.host}:${route.port}/${projectPath}.git`;
}

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

/**
 * The Secret ECK serves Elasticsearch's HTTP endpoint with (`http.tls.certificate`): issued by the
 * internal CA issuer (S7), so every client verifies it with the CA bundle (`caBundle`).
 */
export function elasticsearchHttpCertSecret(env: Environment): string {
  return `${settingsOf(env, "logging").elasticsearch.name}-es-http-internal-ca`;
}

/** The Secret of role definitions (`roles.yml`) ECK loads for the platform's Elasticsearch users. */
export function elasticsearchRolesSecret(env: Environment): string {
  return `${settingsOf(env, "logging").elasticsearch.name}-platform-roles`;
}

/**
 * Annotation of a generated Secret whose listed keys hold no secret value (role definitions ECK
 * only reads from a Secret); `secrets/literal` accepts exactly those keys.
 */
export const PUBLIC_DATA_ANNOTATION = "streamforge.io/public-data";

/**
 * The platform's Elasticsearch users as their Secrets must be created (A13): type
 * `kubernetes.io/basic-auth` in Elasticsearch's namespace, and the namespaces config-syncer copies
 * each into besides (Grafana's, for its data source). Only the users of installed readers.
 */
export function elasticsearchUsers({ platform, env }: Context): Array<{
  client: "grafana" | "fluentBit";
  username: string;
  role: string;
  secret: string;
  namespace: string;
  type: "kubernetes.io/basic-auth";
  annotations: Record<string, string>;
  /** Namespaces config-syncer copies the Secret into. */
  copiedTo: string[];
}> {
  const users = settingsOf(env, "logging").users;
  const namespace = namespaceOf(platform, "eck-elasticsearch");
  const readers: Record<keyof typeof users, string> = { grafana: "kube-prometheus-stack", fluentBit: "fluent-bit" };
  // A user exists for a reader that is installed; a platform without Fluent Bit has no fluentBit user.
  const reader = (client: keyof typeof users) => platform.releases.find((r) => r.name === readers[client] && isEnabled(env, r));
  return (Object.keys(users) as Array<keyof typeof users>).flatMap((client) => {
    const release = reader(client);
    if (!release) return [];
    const elsewhere = [release.namespace].filter((ns) => ns !== namespace);
    return {
      client,
      ...users[client],
      namespace,
      type: "kubernetes.io/basic-auth" as const,
      annotations: elsewhere.length ? syncToNamespaces(elsewhere) : {},
      copiedTo: elsewhere,
    };
  });
}

/** Whether Kibana logs in through Keycloak: only a licence above basic runs an OIDC realm (S35). */
export function kibanaSso(env: Environment): boolean {
  return settingsOf(env, "logging").licence.kind !== "basic";
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

/** One login role of the PostgreSQL cluster, as its client must use it (S19). */
export interface PostgresLogin {
  /**
   * The role's exact name in PostgreSQL. The Zalando operator (v1.14.0, `initRobotUsers` in
   * `pkg/cluster/cluster.go`) keeps the manifest key whole: a role declared `keycloak.keycloak`
   * is the role `keycloak.keycloak`, which owners, logins and grants must name.
   */
  role: string;
  /** The Secret (keys `username`, `password`) the operator writes the role's password into. */
  secret: string;
  /** Namespace of that Secret: the client's own. */
  namespace: string;
}

/**
 * The releases whose pods log in to the PostgreSQL cluster from another namespace, by the model's
 * user name: Keycloak as the owner of its database (S35), Grafana's data source (S26). Their
 * roles are declared `<namespace>.<user>` so the password Secret lands next to the client.
 */
export function postgresClientReleases(env: Environment): Record<string, string> {
  const pg = settingsOf(env, "postgres");
  const clients: Record<string, string> = {};
  const keycloakOwner = pg.databases.keycloak;
  if (keycloakOwner) clients[keycloakOwner] = "keycloakx";
  // Grafana's data source user, where the environment has monitoring settings at all.
  const monitoring = env.components.monitoring;
  if (monitoring) clients[monitoring.grafana.datasources.postgres.user] = "kube-prometheus-stack";
  return clients;
}

/** The login of a model user name (a database owner or Grafana's user). */
export function postgresLogin({ platform, env }: Context, user: string): PostgresLogin {
  const client = postgresClientReleases(env)[user];
  if (!client) {
    const namespace = namespaceOf(platform, "postgres-cluster");
    return { role: user, secret: `${user}.${settingsOf(env, "postgres").name}.credentials.postgresql.acid.zalan.do`, namespace };
  }
  const { secret, namespace, manifestUser } = postgresUserSecret(env, user, namespaceOf(platform, client));
  return { role: manifestUser, secret, namespace };
}

/** The operator's Secret of the `postgres` superuser, in the cluster's namespace (S19). */
export function postgresSuperuserSecret({ platform, env }: Context): { secret: string; namespace: string } {
  return { secret: `postgres.${settingsOf(env, "postgres").name}.credentials.postgresql.acid.zalan.do`, namespace: namespaceOf(platform, "postgres-cluster") };
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
