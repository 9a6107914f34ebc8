/**
 * Keycloak (S35, A12): the identity provider, with the realm `streamforge` and one OIDC client
 * each for Grafana, Kibana and Argo CD. Its database is the Zalando PostgreSQL cluster (S19).
 */
import type { ValuesAdapter } from "./adapter.ts";
import type { KeycloakxValues } from "./types/keycloakx.ts";
import type { Environment, SecretRef } from "../../core/model/types.ts";
import { GROUPS_CLAIM, KEYCLOAK_BUILTIN_SCOPES, OIDC_SCOPES, type OidcClient, hostOf, namespaceOf, postgresLogin, serviceHost } from "../../core/model/derive.ts";
import { toYaml } from "../../core/yaml.ts";
import { settingsOf } from "../../core/model/components.ts";

/** The chart's fullname for release `keycloakx`; its HTTP Service is `<fullname>-http`. */
export const KEYCLOAK_FULLNAME = "keycloakx";
/** Port of the chart's HTTP Service (`service.httpPort`). */
const KEYCLOAK_HTTP_PORT = 80;

/** Where Keycloak reads realm files that `--import-realm` imports at start. */
const IMPORT_DIR = "/opt/keycloak/data/import";

/** Where each client's login flow returns to, as that application documents it. */
const CALLBACK: Record<OidcClient, { ui: "grafana" | "kibana" | "argocd" | "kafka-ui"; paths: string[] }> = {
  grafana: { ui: "grafana", paths: ["/login/generic_oauth"] },
  kibana: { ui: "kibana", paths: ["/api/security/oidc/callback"] },
  argocd: { ui: "argocd", paths: ["/auth/callback", "/pkce/verify"] },
  // Spring Security's `{baseUrl}/login/oauth2/code/{registrationId}`; Kafka UI registers `keycloak`.
  "kafka-ui": { ui: "kafka-ui", paths: ["/login/oauth2/code/keycloak"] },
};

/** Environment variable that carries one client's secret into the realm import. */
function secretEnv(client: OidcClient): string {
  return `KC_CLIENT_SECRET_${client.toUpperCase().replaceAll("-", "_")}`;
}

/**
 * The realm as Keycloak's import format. Client secrets are `${ENV}` placeholders that Keycloak
 * fills from environment variables at import, so the file holds no secret value (A13).
 */
export function realmImport(env: Environment): Record<string, unknown> {
  const kc = settingsOf(env, "keycloak");
  const clients = (Object.keys(kc.clients) as OidcClient[]).map((client) => {
    const base = `https://${hostOf(env, CALLBACK[client].ui)}`;
    return {
      clientId: client,
      enabled: true,
      protocol: "openid-connect",
      publicClient: false,
      standardFlowEnabled: true,
      secret: `\${${secretEnv(client)}}`,
      rootUrl: base,
      redirectUris: CALLBACK[client].paths.map((p) => `${base}${p}`),
      webOrigins: [base],
      protocolMappers: [
        {
          name: GROUPS_CLAIM,
          protocol: "openid-connect",
          protocolMapper: "oidc-group-membership-mapper",
          config: { "claim.name": GROUPS_CLAIM, "full.path": "false", "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true" },
        },
      ],
    };
  });
  for (const client of Object.keys(kc.clients) as OidcClient[]) {
    const unknown = OIDC_SCOPES[client].filter((scope) => !KEYCLOAK_BUILTIN_SCOPES.includes(scope));
    // Keycloak answers `invalid_scope` to a scope the realm does not have.
    if (unknown.length) throw new Error(`OIDC client ${client} requests scopes the realm does not have: ${unknown.join(", ")}`);
  }
  // No `clientScopes` key: with one, Keycloak would not create its built-in scopes.
  return {
    realm: kc.realm,
    enabled: true,
    sslRequired: "external",
    // The group the clients map to their admin roles (Grafana `Admin`, Argo CD `role:admin`).
    groups: [{ name: kc.adminGroup, path: `/${kc.adminGroup}` }],
    clients,
  };
}

function fromSecret(name: string, ref: SecretRef): Record<string, unknown> {
  return { name, valueFrom: { secretKeyRef: { name: ref.secret, key: ref.key } } };
}

export const keycloakx: ValuesAdapter<KeycloakxValues> = (ctx) => {
  const { platform, env } = ctx;
  const kc = settingsOf(env, "keycloak");
  const pg = settingsOf(env, "postgres");
  const dbUser = pg.databases.keycloak;
  if (!dbUser) throw new Error(`environment ${env.name} has no "keycloak" database in components.postgres.databases`);
  const login = postgresLogin(ctx, dbUser);
  if (login.namespace !== namespaceOf(platform, "keycloakx")) throw new Error("Keycloak's database password Secret must be in Keycloak's namespace");
  const realmSecret = `${KEYCLOAK_FULLNAME}-realm-${kc.realm}`;
  const realmJson = JSON.stringify(realmImport(env), null, 2);
  // The chart renders Secret data through Helm's `tpl`: template braces would be evaluated.
  if (realmJson.includes("{{")) throw new Error("keycloak realm import must not contain Helm template braces");
  const extraEnv = [
    // Keycloak's v2 hostname option takes the full public URL; the gateway terminates TLS (A11).
    { name: "KC_HOSTNAME", value: `https://${hostOf(env, "keycloak")}` },
    // The temporary admin Keycloak creates at first start (`bootstrap-admin-*` options of Keycloak 26).
    fromSecret("KC_BOOTSTRAP_ADMIN_USERNAME", { secret: kc.bootstrapAdminSecret, key: "username" }),
    fromSecret("KC_BOOTSTRAP_ADMIN_PASSWORD", { secret: kc.bootstrapAdminSecret, key: "password" }),
    ...(Object.entries(kc.clients) as Array<[OidcClient, SecretRef]>).map(([client, ref]) => fromSecret(secretEnv(client), ref)),
  ];
  return {
    replicas: kc.replicas,
    command: ["/opt/keycloak/bin/kc.sh", "start", "--http-enabled=true", "--http-port=8080", "--import-realm"],
    extraEnv: toYaml(extraEnv),
    // The realm file has no secret values, only placeholders; a chart-made Secret is simply the
    // one object this chart can create to carry a file.
    secrets: {
      [`realm-${kc.realm}`]: { stringData: { [`${kc.realm}.json`]: realmJson } },
    },
    extraVolumes: toYaml([{ name: "realm", secret: { secretName: realmSecret } }]),
    extraVolumeMounts: toYaml([{ name: "realm", mountPath: IMPORT_DIR, readOnly: true }]),
    database: {
      vendor: "postgres",
      hostname: serviceHost(pg.name, namespaceOf(platform, "postgres-cluster")),
      port: 5432,
      database: "keycloak",
      // The exact role the operator created (`<namespace>.<user>`), not the model's short name.
      username: login.role,
      existingSecret: login.secret,
      existingSecretKey: "password",
    },
    // Traefik sends X-Forwarded-* headers, not RFC 7239 `Forwarded`.
    proxy: { enabled: true, mode: "xforwarded" },
    // The issuer is `https://<host>/realms/<realm>` (oidcIssuer), so no `/auth` prefix.
    http: { relativePath: "/" },
  };
};
