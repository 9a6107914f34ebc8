import type { ValuesAdapter } from "./adapter.ts";
import type { KubePrometheusStackValues } from "./types/kube-prometheus-stack.ts";
import type { Context } from "../../core/model/derive.ts";
import { elasticsearchUrl, hostOf, mailRelay, namespaceOf, oidcIssuer, postgresAddress, postgresUserSecret } from "../../core/model/derive.ts";
import type { Quantity } from "../../core/model/types.ts";
import { settingsOf } from "../../core/model/components.ts";

/**
 * The chart's fullname, fixed so Prometheus' and Alertmanager's Services do not depend on the
 * release name. Grafana's values have no such key: its Service is `<release>-grafana`.
 */
export const KPS_FULLNAME = "kube-prometheus-stack";

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
            from: am.emailFrom,
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
      basicAuthUser: ds.elasticsearch.user,
      jsonData: {
        index: `${settingsOf(ctx.env, "logging").indexPrefix}-*`,
        timeField: "@timestamp",
        // ECK's self-signed HTTP CA is a Secret of the logging namespace, which Grafana cannot mount.
        tlsSkipVerify: true,
      },
      secureJsonData: { basicAuthPassword: envRef(ENV.elasticsearchPassword) },
    },
    {
      name: "PostgreSQL",
      uid: "postgresql",
      type: "grafana-postgresql-datasource",
      access: "proxy",
      url: postgresAddress(ctx),
      user: ds.postgres.user,
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
      scopes: "openid email profile roles",
      auth_url: `${oidc}/auth`,
      token_url: `${oidc}/token`,
      api_url: `${oidc}/userinfo`,
      signout_redirect_url: `${oidc}/logout`,
      login_attribute_path: "preferred_username",
      email_attribute_path: "email",
      name_attribute_path: "name",
      role_attribute_path: "contains(roles[*], 'admin') && 'Admin' || contains(roles[*], 'editor') && 'Editor' || 'Viewer'",
      use_pkce: true,
    },
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
        [ENV.elasticsearchPassword]: secretEnv(ds.elasticsearch.password),
        [ENV.postgresPassword]: secretEnv({
          secret: postgresUserSecret(env, ds.postgres.user, namespaceOf(ctx.platform, "kube-prometheus-stack")).secret,
          key: "password",
        }),
      },
      "grafana.ini": grafanaIni(ctx),
      additionalDataSources: extraDataSources(ctx),
    },
  };
};
