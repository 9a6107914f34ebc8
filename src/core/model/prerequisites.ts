/**
 * Objects a person (or `streamforge secrets create`) makes before the first `helmfile apply`:
 * every Secret the model names as existing (A13), in the namespace of the release that reads it,
 * with the keys it reads and what each holds. Values are never part of the model.
 */
import type { Environment, Platform } from "./types.ts";
import { caBundleNamespaces, elasticsearchUsers, isEnabled } from "./derive.ts";
import { adaptersOf, evaluateContract, ownAdapter } from "./extensions.ts";

/** Who supplies a value: `platform` values are random and only the platform uses them; `external` ones come from elsewhere. */
export type ValueOrigin = "platform" | "external";

export interface PrerequisiteKey {
  key: string;
  holds: string;
  origin: ValueOrigin;
  /** A value the model fixes (a user name, a role list): not secret, written as is by `secrets create`. */
  value?: string;
}

export interface Prerequisite {
  kind: "Secret";
  name: string;
  namespace: string;
  /** What the Secret is for. */
  purpose: string;
  keys: PrerequisiteKey[];
  /** Secret type, when not `Opaque` (`kubernetes.io/basic-auth`). */
  type?: string;
  /** Labels and annotations the Secret must carry (a consumer selects it, config-syncer copies it). */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Namespaces config-syncer copies the Secret into; references there resolve to it. */
  syncedTo?: string[];
  /** Another prerequisite that must hold the same values (one OIDC client secret, two namespaces). */
  sameAs?: { name: string; namespace: string };
  /** The model field that names it, relative to the environment (absent: a release's contract declares it). */
  modelPath?: Array<string | number>;
}

const platformKey = (key: string, holds: string): PrerequisiteKey => ({ key, holds, origin: "platform" });
const externalKey = (key: string, holds: string): PrerequisiteKey => ({ key, holds, origin: "external" });

/** The entries a component's settings give, or none where the environment has no such settings. */
function ifSet<T>(settings: T | undefined, entries: (settings: T) => Prerequisite[]): Prerequisite[] {
  return settings === undefined ? [] : entries(settings);
}

/** Every prerequisite of one environment, sorted by namespace and name. */
export function prerequisites(platform: Platform, env: Environment): Prerequisite[] {
  // Only what an installed release reads is a prerequisite; "" marks a release this platform lacks.
  const installed = new Map(platform.releases.filter((r) => isEnabled(env, r)).map((r) => [r.name, r.namespace]));
  const ns = (release: string) => installed.get(release) ?? "";
  const c = env.components;
  const out: Prerequisite[] = [
    {
      kind: "Secret",
      name: env.ingress.caSecret,
      namespace: ns("cert-manager"),
      purpose: `the internal CA that ClusterIssuer ${env.ingress.issuer} signs with`,
      keys: [externalKey("tls.crt", "the CA certificate (PEM)"), externalKey("tls.key", "the CA private key (PEM)")],
      modelPath: ["ingress", "caSecret"],
    },
    ...ifSet(c.minio, (minio) => [
      {
        kind: "Secret",
        name: minio.rootSecret,
        namespace: ns("minio"),
        purpose: "MinIO's root login",
        keys: [platformKey("rootUser", "root user name"), platformKey("rootPassword", "root password")],
        modelPath: ["components", "minio", "rootSecret"],
      },
    ]),
    ...ifSet(c.postgres, (postgres) => [
      {
        kind: "Secret",
        name: postgres.backup.credentialsSecret,
        namespace: ns("postgres-cluster"),
        purpose: `S3 login of PostgreSQL's logical backups into the MinIO bucket ${postgres.backup.bucket}`,
        keys: [externalKey("AWS_ACCESS_KEY_ID", "a MinIO access key allowed to write the bucket"), externalKey("AWS_SECRET_ACCESS_KEY", "its secret key")],
        modelPath: ["components", "postgres", "backup", "credentialsSecret"],
      },
    ]),
    ...ifSet(c.monitoring, (monitoring) => [
      {
        kind: "Secret",
        name: monitoring.grafana.adminSecret,
        namespace: ns("kube-prometheus-stack"),
        purpose: "Grafana's local admin",
        keys: [platformKey("admin-user", "admin user name"), platformKey("admin-password", "admin password")],
        modelPath: ["components", "monitoring", "grafana", "adminSecret"],
      },
    ]),
    ...ifSet(c.monitoring, (monitoring) => [
      {
        kind: "Secret",
        name: monitoring.alertmanager.telegramBotToken.secret,
        namespace: ns("kube-prometheus-stack"),
        purpose: "Alertmanager's Telegram bot",
        keys: [externalKey(monitoring.alertmanager.telegramBotToken.key, "the bot token BotFather issued")],
        modelPath: ["components", "monitoring", "alertmanager", "telegramBotToken"],
      },
    ]),
    ...ifSet(c.runner, (runner) => [
      {
        kind: "Secret",
        name: runner.tokenSecret,
        namespace: ns("gitlab-runner"),
        purpose: "the GitLab runner's authentication token",
        keys: [externalKey("runner-token", "the runner authentication token GitLab issued"), externalKey("runner-registration-token", "empty with authentication tokens")],
        modelPath: ["components", "runner", "tokenSecret"],
      },
    ]),
    ...ifSet(c.keycloak, (keycloak) => [
      {
        kind: "Secret",
        name: keycloak.bootstrapAdminSecret,
        namespace: ns("keycloakx"),
        purpose: "Keycloak's bootstrap admin (used on its first start, before the realm exists)",
        keys: [platformKey("username", "bootstrap admin user name"), platformKey("password", "bootstrap admin password")],
        modelPath: ["components", "keycloak", "bootstrapAdminSecret"],
      },
    ]),
    {
      kind: "Secret",
      name: c.dns.adminSecret,
      namespace: ns("technitium"),
      purpose: "Technitium DNS's admin login",
      keys: [platformKey("password", "admin password")],
      modelPath: ["components", "dns", "adminSecret"],
    },
  ];
  // The CA bundle is read only by its consumers (caBundleNamespaces); with none installed nobody needs it.
  const caConsumers = caBundleNamespaces(platform, env);
  if (env.ingress.caBundle && caConsumers.length) {
    out.push({
      kind: "Secret",
      name: env.ingress.caBundle.secret,
      namespace: ns("cert-manager"),
      purpose: "the internal CA's certificate only, which config-syncer copies to the clients of internal HTTPS endpoints",
      keys: [externalKey(env.ingress.caBundle.key, "the CA certificate (PEM), no key")],
      syncedTo: caConsumers,
      modelPath: ["ingress", "caBundle"],
    });
  }
  // The runner's CA Secret is also one of its job volumes; list it once.
  const runnerSecrets = new Map<string, Prerequisite>();
  const runner = c.runner;
  if (runner) runnerSecrets.set(runner.gitlabCaSecret, {
    kind: "Secret",
    name: runner.gitlabCaSecret,
    namespace: ns("gitlab-runner"),
    purpose: `the CA that signs ${env.external.gitlab.fqdn}'s certificate`,
    keys: [externalKey(`${env.external.gitlab.fqdn}.crt`, "the CA certificate (PEM)")],
    modelPath: ["components", "runner", "gitlabCaSecret"],
  });
  runner?.volumes.forEach((v, i) => {
    if (v.kind !== "secret" || runnerSecrets.has(v.source)) return;
    const docker = v.name === c.ci?.dockerConfigVolume;
    runnerSecrets.set(v.source, {
      kind: "Secret",
      name: v.source,
      namespace: ns("gitlab-runner"),
      purpose: docker ? "registry credentials of CI jobs (kaniko)" : `files CI jobs mount at ${v.mountPath}`,
      keys: [externalKey(docker ? "config.json" : "*", docker ? "a Docker config.json with the registry's auth" : "the files to mount")],
      modelPath: ["components", "runner", "volumes", i, "source"],
    });
  });
  out.push(...runnerSecrets.values());
  // One client secret per OIDC client, in Keycloak's namespace and the client's: the same value in both.
  const clientNamespaces: Record<string, string> = { grafana: ns("kube-prometheus-stack"), kibana: ns("eck-elasticsearch"), argocd: ns("argo-cd"), "kafka-ui": ns("kafka-ui") };
  for (const [client, ref] of Object.entries(c.keycloak?.clients ?? {}) as Array<[string, { secret: string; key: string }]>) {
    const key = platformKey(ref.key, `the OIDC client secret of Keycloak client ${client}`);
    const clientSide = { kind: "Secret" as const, name: ref.secret, namespace: clientNamespaces[client] ?? "", purpose: `${client}'s OIDC client secret`, keys: [key], modelPath: ["components", "keycloak", "clients", client] };
    const keycloakSide = { ...clientSide, namespace: ns("keycloakx"), purpose: `${client}'s OIDC client secret, for Keycloak's realm import` };
    out.push(clientSide, clientSide.namespace === "" ? keycloakSide : { ...keycloakSide, sameAs: { name: ref.secret, namespace: clientSide.namespace } });
  }
  // Elasticsearch's file-realm users (Grafana's and Fluent Bit's): ECK reads their Secrets in its
  // namespace; config-syncer copies each to the namespace of the client that logs in with it.
  if (installed.has("eck-elasticsearch")) {
    for (const user of elasticsearchUsers({ platform, env })) {
      out.push({
        kind: "Secret",
        name: user.secret,
        namespace: user.namespace,
        purpose: `${user.username}'s Elasticsearch login (file realm, role ${user.role})`,
        keys: [{ key: "username", holds: "the user name", origin: "platform", value: user.username }, platformKey("password", "the password")],
        type: user.type,
        ...(Object.keys(user.annotations).length ? { annotations: user.annotations } : {}),
        ...(user.copiedTo.length ? { syncedTo: user.copiedTo } : {}),
        modelPath: ["components", "logging", "users", user.client, "secret"],
      });
    }
  }
  if (c.mail?.delivery.loginSecret) {
    out.push({
      kind: "Secret",
      name: c.mail.delivery.loginSecret,
      namespace: ns("mailrelay"),
      purpose: "login at the mail host the relay delivers to",
      keys: [externalKey("username", "relay user name"), externalKey("password", "relay password")],
      modelPath: ["components", "mail", "delivery", "loginSecret"],
    });
  }
  for (const declared of declaredPrerequisites(platform, env)) {
    const same = out.findIndex((p) => p.namespace === declared.namespace && p.name === declared.name);
    if (same < 0) out.push(declared);
    // One Secret two releases read: the keys of both.
    else out[same] = { ...out[same]!, keys: [...out[same]!.keys, ...declared.keys.filter((k) => !out[same]!.keys.some((o) => o.key === k.key))] };
  }
  // Code-point order: the same on every machine whatever its locale, and free to start
  // (`localeCompare` loads ICU's collator on its first call, tens of milliseconds of a `gen`).
  const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return out.filter((p) => p.namespace !== "").sort((a, b) => byCodePoint(a.namespace, b.namespace) || byCodePoint(a.name, b.name));
}

/**
 * The Secrets the installed releases of a platform's own adapters declare in their contracts
 * (`defineAdapter({ contract: { prerequisites } })`), a contract function given the values the
 * adapter writes for `env`.
 * @throws {AdapterError} an adapter or contract function that throws, or a contract that is not one
 */
function declaredPrerequisites(platform: Platform, env: Environment): Prerequisite[] {
  // The package's own adapters declare theirs above, from the model's settings.
  if (adaptersOf(platform).length === 0) return [];
  const out: Prerequisite[] = [];
  for (const release of platform.releases) {
    const own = isEnabled(env, release) ? ownAdapter(platform, release.adapter) : undefined;
    if (own?.kind !== "values") continue;
    // A contract function is given the values the adapter writes for env.
    for (const p of evaluateContract({ platform, env }, release, own, () => own.values({ platform, env }))?.prerequisites ?? []) {
      out.push({
        kind: "Secret",
        name: p.name,
        namespace: p.namespace ?? release.namespace,
        purpose: p.purpose,
        keys: p.keys.map((k) => ({ key: k.key, holds: k.holds, origin: k.origin ?? "external" })),
        ...(p.type === undefined ? {} : { type: p.type }),
      });
    }
  }
  return out;
}
