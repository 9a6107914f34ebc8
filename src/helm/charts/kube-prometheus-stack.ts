import type { ValuesAdapter } from "./adapter.ts";
import type { KubePrometheusStackValues } from "./types/kube-prometheus-stack.ts";
import type { Context } from "../../core/model/derive.ts";
import { GROUPS_CLAIM, OIDC_SCOPES, alertmanagerSender, caBundle, elasticsearchUrl, elasticsearchUsers, hostOf, mailRelay, oidcIssuer, postgresAddress, postgresLogin } from "../../core/model/derive.ts";
import type { Quantity } from "../../core/model/types.ts";
import { controlPlaneMetrics } from "../../core/model/infra.ts";
import { settingsOf } from "../../core/model/components.ts";

/**
 * The chart's fullname, fixed so Prometheus' and Alertmanager's Services do not depend on the
 * release name. Grafana's values have no such key: its Service is `<release>-grafana`.
 */
const KPS_FULLNAME = "kube-prometheus-stack";

/** Where the Prometheus operator mounts `alertmanagerSpec.secrets` in Alertmanager pods. */
const ALERTMANAGER_SECRETS_DIR = "/etc/alertmanager/secrets";

/**
 * Environment variables Grafana reads secrets from. Grafana expands `${NAME}` in provisioned
 * data sources and lets `GF_<SECTION>_<KEY>` override `grafana.ini`.
 */
const ENV = {
  oidcClientSecret: "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET",
  elasticsearchPassword: "GF_DS_ELASTICSEARCH_PASSWORD",
  postgresPassword: "GF_DS_POSTGRES_PASSWORD",
} as const;

/** Where Grafana's pod mounts the internal CA's public certificate (`caBundle`). */
const CA_DIR = "/etc/grafana/homelab-ca";

/** The CA file Grafana trusts for Keycloak (OIDC) and Elasticsearch. */
export function grafanaCaFile(ctx: Context): string {
  return `${CA_DIR}/${caBundle(ctx).key}`;
}

/** A reference to an environment variable in a provisioning file. */
const envRef = (name: string): string => "${" + name + "}";

function claim(storageClass: string, size: Quantity) {
  return {
    volumeClaimTemplate: {
      spec: { storageClassName: storageClass, accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } } },
    },
  };
}

/**
 * Alertmanager's routing (S27): everything is grouped by alert and namespace and mailed through
 * the platform's relay (S38); critical alerts also go to Telegram. The bot token is a file from
 * a mounted Secret, never a value (A13). The always-firing Watchdog goes nowhere.
 */
function alertmanagerConfig(ctx: Context) {
  const am = settingsOf(ctx.env, "monitoring").alertmanager;
  const token = am.telegramBotToken;
  return {
    route: {
      receiver: "email",
      group_by: ["alertname", "namespace", "severity"],
      group_wait: "30s",
      group_interval: "5m",
      repeat_interval: "4h",
      routes: [
        { receiver: "null", matchers: ['alertname = "Watchdog"'] },
        { receiver: "null", matchers: ['alertname = "InfoInhibitor"'] },
        { receiver: "telegram", matchers: ['severity = "critical"'], continue: true },
        { receiver: "email", matchers: ['severity =~ "warning|critical"'] },
      ],
    },
    receivers: [
      { name: "null" },
      {
        name: "email",
        email_configs: [
          {
            to: am.emailTo,
            from: alertmanagerSender(ctx.env),
            smarthost: mailRelay(ctx),
            // The relay listens inside the cluster without TLS; it relays onward with TLS (S38).
            require_tls: false,
            send_resolved: true,
          },
        ],
      },
      {
        name: "telegram",
        telegram_configs: [
          {
            bot_token_file: `${ALERTMANAGER_SECRETS_DIR}/${token.secret}/${token.key}`,
            chat_id: am.telegramChatId,
            parse_mode: "HTML",
            send_resolved: true,
          },
        ],
      },
    ],
  };
}

/** Grafana's Elasticsearch user; config-syncer copies its Secret into Grafana's namespace. */
function grafanaElasticsearchUser(ctx: Context) {
  const user = elasticsearchUsers(ctx).find((u) => u.client === "grafana");
  if (!user) throw new Error("components.logging.users has no grafana user");
  return user;
}

/** Grafana's data sources besides the Prometheus and Alertmanager ones the chart adds (S26). */
function extraDataSources(ctx: Context) {
  const ds = settingsOf(ctx.env, "monitoring").grafana.datasources;
  return [
    {
      name: "Elasticsearch",
      uid: "elasticsearch",
      type: "elasticsearch",
      access: "proxy",
      url: elasticsearchUrl(ctx),
      basicAuth: true,
      basicAuthUser: settingsOf(ctx.env, "logging").users.grafana.username,
      jsonData: {
        index: `${settingsOf(ctx.env, "logging").indexPrefix}-*`,
        timeField: "@timestamp",
        // Elasticsearch's HTTP certificate comes from the internal CA issuer: verify it with the CA bundle.
        tlsAuthWithCACert: true,
      },
      secureJsonData: {
        basicAuthPassword: envRef(ENV.elasticsearchPassword),
        // Grafana expands `$__file{}` in provisioning files: the PEM is read from the mounted bundle.
        tlsCACert: `$__file{${grafanaCaFile(ctx)}}`,
      },
    },
    {
      name: "PostgreSQL",
      uid: "postgresql",
      type: "grafana-postgresql-datasource",
      access: "proxy",
      url: postgresAddress(ctx),
      // The exact role the operator created (`<namespace>.<user>`), which the grants Job reads for.
      user: postgresLogin(ctx, ds.postgres.user).role,
      jsonData: { database: ds.postgres.database, sslmode: "require" },
      secureJsonData: { password: envRef(ENV.postgresPassword) },
    },
  ];
}

/** Grafana's login through the Keycloak realm (S35, A12); the client secret is an env reference. */
function grafanaIni(ctx: Context) {
  const issuer = oidcIssuer(ctx.env);
  const oidc = `${issuer}/protocol/openid-connect`;
  return {
    server: { root_url: `https://${hostOf(ctx.env, "grafana")}` },
    "auth.generic_oauth": {
      enabled: true,
      name: "Keycloak",
      allow_sign_up: true,
      client_id: "grafana",
      scopes: OIDC_SCOPES.grafana.join(" "),
      auth_url: `${oidc}/auth`,
      token_url: `${oidc}/token`,
      api_url: `${oidc}/userinfo`,
      signout_redirect_url: `${oidc}/logout`,
      login_attribute_path: "preferred_username",
      email_attribute_path: "email",
      name_attribute_path: "name",
      // Members of the realm's admin group are Grafana admins; everyone else views.
      role_attribute_path: `contains(${GROUPS_CLAIM}[*], '${settingsOf(ctx.env, "keycloak").adminGroup}') && 'Admin' || 'Viewer'`,
      use_pkce: true,
      // Keycloak's certificate comes from the internal CA issuer (S7), which Grafana does not know otherwise.
      tls_client_ca: grafanaCaFile(ctx),
    },
  };
}

/**
 * The chart's control-plane scrapes, from the same fact that makes Kubespray expose them
 * (`cluster.scrapeControlPlane`). etcd runs on the hosts (Kubespray's `etcd_deployment_type:
 * host`), so its Service gets the hosts' addresses as endpoints instead of a pod selector.
 */
function controlPlaneScrapes(ctx: Context) {
  const metrics = controlPlaneMetrics(ctx.env);
  if (!metrics.scrape) {
    return { kubeProxy: { enabled: false }, kubeEtcd: { enabled: false }, kubeScheduler: { enabled: false }, kubeControllerManager: { enabled: false } };
  }
  return {
    kubeProxy: { enabled: true, service: { port: metrics.kubeProxyPort, targetPort: metrics.kubeProxyPort } },
    kubeEtcd: {
      enabled: true,
      endpoints: metrics.etcdAddresses,
      service: { enabled: true, port: metrics.etcdPort, targetPort: metrics.etcdPort },
      serviceMonitor: { scheme: "http" },
    },
    kubeScheduler: { enabled: true },
    kubeControllerManager: { enabled: true },
  };
}

/**
 * kube-prometheus-stack (S22-S24, S26, S27): Prometheus (20Gi) with node exporter and the
 * kubelet's cAdvisor metrics, Grafana (1Gi) with SSO and three data sources, Alertmanager with
 * e-mail and Telegram. Hosts and TLS are the Gateway routes' job (S23, A11), so the chart's
 * ingresses stay off; `externalUrl`s still name the public hosts for links in alerts.
 */
export const kubePrometheusStack: ValuesAdapter<KubePrometheusStackValues> = (ctx) => {
  const { env } = ctx;
  const mon = settingsOf(env, "monitoring");
  const ds = mon.grafana.datasources;
  const secretEnv = (ref: { secret: string; key: string }) => ({ secretKeyRef: { name: ref.secret, key: ref.key } });
  return {
    fullnameOverride: KPS_FULLNAME,
    nodeExporter: { enabled: true },
    ...controlPlaneScrapes(ctx),
    kubelet: { enabled: true, serviceMonitor: { cAdvisor: true } },
    prometheus: {
      prometheusSpec: {
        externalUrl: `https://${hostOf(env, "prometheus")}`,
        retention: mon.prometheus.retention,
        storageSpec: claim(mon.prometheus.storageClass, mon.prometheus.size),
        // Every ServiceMonitor, PodMonitor and rule of every release, not only this chart's.
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false,
      },
    },
    alertmanager: {
      config: alertmanagerConfig(ctx),
      alertmanagerSpec: {
        externalUrl: `https://${hostOf(env, "alertmanager")}`,
        secrets: [mon.alertmanager.telegramBotToken.secret],
        storage: claim(mon.alertmanager.storageClass, mon.alertmanager.size),
      },
    },
    grafana: {
      admin: { existingSecret: mon.grafana.adminSecret },
      persistence: { enabled: true, type: "pvc", size: mon.grafana.size, storageClassName: mon.grafana.storageClass },
      // One RWO volume: the old pod must let go of it before the new one starts.
      deploymentStrategy: { type: "Recreate" },
      envValueFrom: {
        [ENV.oidcClientSecret]: secretEnv(settingsOf(env, "keycloak").clients.grafana),
        [ENV.elasticsearchPassword]: secretEnv({ secret: grafanaElasticsearchUser(ctx).secret, key: "password" }),
        [ENV.postgresPassword]: secretEnv({ secret: postgresLogin(ctx, ds.postgres.user).secret, key: "password" }),
      },
      // The internal CA's public certificate, copied into this namespace by config-syncer.
      extraSecretMounts: [{ name: "homelab-ca", secretName: caBundle(ctx).secret, mountPath: CA_DIR, readOnly: true }],
      "grafana.ini": grafanaIni(ctx),
      // S26: the Prometheus data source is the chart's (its sidecar provisions it from the stack's
      // own Prometheus Service); switched on here rather than left to the chart's default.
      sidecar: { datasources: { enabled: true, defaultDatasourceEnabled: true, isDefaultDatasource: true } },
      additionalDataSources: extraDataSources(ctx),
    },
  };
};
