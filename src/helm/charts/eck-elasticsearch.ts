import type { ValuesAdapter } from "./adapter.ts";
import type { EckElasticsearchValues } from "./types/eck-elasticsearch.ts";
import type { Environment } from "../../core/model/types.ts";
import { type Context, GROUPS_CLAIM, OIDC_SCOPES, caBundle, elasticsearchHttpCertSecret, elasticsearchRolesSecret, elasticsearchUsers, hostOf, kibanaSso, oidcIssuer } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** Elasticsearch's configuration directory; SSL files must be inside it. */
const ES_CONFIG_DIR = "/usr/share/elasticsearch/config";
/** Folder of the configuration directory where the internal CA's public certificate is mounted. */
const CA_SUBDIR = "homelab-ca";

/** Name of the OpenID Connect realm Kibana logs in through (S35, A12). */
export const OIDC_REALM = "keycloak";

/**
 * The OIDC realm Elasticsearch runs for Kibana's Keycloak login (S35, A12). Kibana is the relying
 * party; the client secret is a secure setting from the existing Secret (A13). Realms of type
 * `oidc` need an Elastic licence above `basic` (platinum, enterprise or a trial): on a basic
 * licence Elasticsearch refuses to start the realm and Kibana offers only its own login.
 */
export function oidcRealmSettings(ctx: Context): Record<string, string | number | string[]> {
  const { env } = ctx;
  const realm = `xpack.security.authc.realms.oidc.${OIDC_REALM}`;
  const oidc = `${oidcIssuer(env)}/protocol/openid-connect`;
  const kibana = `https://${hostOf(env, "kibana")}`;
  return {
    [`${realm}.order`]: 2,
    [`${realm}.rp.client_id`]: "kibana",
    [`${realm}.rp.response_type`]: "code",
    [`${realm}.rp.redirect_uri`]: `${kibana}/api/security/oidc/callback`,
    [`${realm}.rp.post_logout_redirect_uri`]: `${kibana}/security/logged_out`,
    // A list setting: one entry per scope.
    [`${realm}.rp.requested_scopes`]: [...OIDC_SCOPES.kibana],
    [`${realm}.op.issuer`]: oidcIssuer(env),
    [`${realm}.op.authorization_endpoint`]: `${oidc}/auth`,
    [`${realm}.op.token_endpoint`]: `${oidc}/token`,
    [`${realm}.op.userinfo_endpoint`]: `${oidc}/userinfo`,
    [`${realm}.op.endsession_endpoint`]: `${oidc}/logout`,
    [`${realm}.op.jwkset_path`]: `${oidc}/certs`,
    [`${realm}.claims.principal`]: "preferred_username",
    [`${realm}.claims.groups`]: GROUPS_CLAIM,
    [`${realm}.claims.mail`]: "email",
    // Keycloak's certificate comes from the internal CA issuer (S7); path relative to the config directory.
    [`${realm}.ssl.certificate_authorities`]: [`${CA_SUBDIR}/${caBundle(ctx).key}`],
  };
}

/**
 * The Elasticsearch cluster (S25): the model's node count and volumes, named after the model so
 * that ECK's Services and Secrets (`<name>-es-http`, `<name>-es-elastic-user`) are predictable.
 */
export const eckElasticsearch: ValuesAdapter<EckElasticsearchValues> = (ctx) => {
  const { env } = ctx;
  const es = settingsOf(env, "logging").elasticsearch;
  const client = settingsOf(env, "keycloak").clients.kibana;
  return {
    fullnameOverride: es.name,
    version: es.version,
    nodeSets: [
      {
        name: "default",
        count: es.nodes,
        config: {
          // No privileged sysctl init container: mmap stays off instead.
          "node.store.allow_mmap": false,
          // The OIDC realm needs a licence above basic (`logging.licence`).
          ...(kibanaSso(env) ? oidcRealmSettings(ctx) : {}),
        },
        podTemplate: {
          spec: {
            // The internal CA's public certificate, copied into this namespace by config-syncer.
            volumes: [{ name: "homelab-ca", secret: { secretName: caBundle(ctx).secret } }],
            containers: [{ name: "elasticsearch", volumeMounts: [{ name: "homelab-ca", mountPath: `${ES_CONFIG_DIR}/${CA_SUBDIR}`, readOnly: true }] }],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: "elasticsearch-data" },
            spec: {
              accessModes: ["ReadWriteOnce"],
              storageClassName: es.storageClass,
              resources: { requests: { storage: es.size } },
            },
          },
        ],
      },
    ],
    // The platform's own users (Grafana reads, Fluent Bit writes), not `elastic`: their
    // basic-auth Secrets and the roles they name.
    auth: {
      fileRealm: elasticsearchUsers(ctx).map((u) => ({ secretName: u.secret })),
      roles: [{ secretName: elasticsearchRolesSecret(env) }],
    },
    // Served with a certificate from the internal CA issuer, which every client trusts (caBundle).
    http: { tls: { certificate: { secretName: elasticsearchHttpCertSecret(env) } } },
    secureSettings: kibanaSso(env)
      ? [{ secretName: client.secret, entries: [{ key: client.key, path: `xpack.security.authc.realms.oidc.${OIDC_REALM}.rp.client_secret` }] }]
      : [],
  };
};
