/** Keycloak (S35, A12, A13) from the generated values. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { KEYCLOAK_BUILTIN_SCOPES, oidcIssuer } from "../../../src/core/model/derive.ts";
import { yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("keycloakx in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const kc = env.components.keycloak;
  const values = yamlOf(`values/${envName}/keycloakx.yaml`);
  const extraEnv = parse(values.extraEnv) as Array<{ name: string; value?: string; valueFrom?: any }>;
  const realmFiles = Object.values(values.secrets).map((s: any) => Object.values(s.stringData)).flat() as string[];
  const realm = JSON.parse(realmFiles[0]!);

  it("runs the model's replica count", () => {
    expect(values.replicas).toBe(kc.replicas);
  });

  it(`S35 A11 is served at keycloak.${env.domain} behind the gateway, with X-Forwarded headers`, () => {
    expect(extraEnv.find((e) => e.name === "KC_HOSTNAME")?.value).toBe(`https://keycloak.${env.domain}`);
    expect(values.proxy).toEqual({ enabled: true, mode: "xforwarded" });
    expect(values.http.relativePath).toBe("/");
    // The issuer every client is given is served under that root path.
    expect(oidcIssuer(env)).toBe(`https://keycloak.${env.domain}/realms/${kc.realm}`);
  });

  it("S35 S19 stores its data in the Zalando PostgreSQL cluster, password from the operator's Secret (A13)", () => {
    const pg = env.components.postgres;
    expect(values.database).toMatchObject({ vendor: "postgres", hostname: `${pg.name}.postgres.svc.cluster.local`, port: 5432, database: "keycloak" });
    expect(values.database.existingSecret).toBe(`keycloak.${pg.databases.keycloak}.${pg.name}.credentials.postgresql.acid.zalan.do`);
    expect(values.database.existingSecretKey).toBe("password");
    expect(values.database.password).toBeUndefined();
  });

  it("A12 imports realm streamforge with OIDC clients grafana, kibana and argocd", () => {
    expect(values.command).toContain("--import-realm");
    expect(realm.realm).toBe("streamforge");
    expect(realm.clients.map((c: any) => c.clientId)).toEqual(["grafana", "kibana", "argocd", "kafka-ui"]);
    for (const client of realm.clients) {
      expect(client.protocol).toBe("openid-connect");
      expect(client.redirectUris.every((u: string) => u.startsWith(`https://${client.clientId}.${env.domain}/`))).toBe(true);
    }
  });

  it("A13 client secrets are placeholders filled from existing Secrets, never values", () => {
    for (const client of realm.clients) {
      const placeholder = /^\$\{([A-Z_]+)\}$/.exec(client.secret);
      expect(placeholder).not.toBeNull();
      const ref = kc.clients[client.clientId as keyof typeof kc.clients];
      expect(extraEnv.find((e) => e.name === placeholder![1])?.valueFrom).toEqual({ secretKeyRef: { name: ref.secret, key: ref.key } });
    }
  });

  it("mounts the realm file where --import-realm reads it", () => {
    const volumes = parse(values.extraVolumes);
    const mounts = parse(values.extraVolumeMounts);
    expect(volumes[0].secret.secretName).toBe(`keycloakx-${Object.keys(values.secrets)[0]}`);
    expect(mounts[0]).toMatchObject({ name: volumes[0].name, mountPath: "/opt/keycloak/data/import" });
  });

  it("S35 A12 every scope Grafana, Argo CD and Kibana request exists in the imported realm", () => {
    // A realm import without `clientScopes` gets Keycloak's built-in scopes; with one it would not.
    expect(realm.clientScopes).toBeUndefined();
    const kps = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`);
    const argo = yamlOf(`values/${envName}/argo-cd.yaml`);
    const es = yamlOf(`values/${envName}/eck-elasticsearch.yaml`);
    const requested: Record<string, string[]> = {
      grafana: kps.grafana["grafana.ini"]["auth.generic_oauth"].scopes.split(" "),
      argocd: parse(argo.configs.cm["oidc.config"]).requestedScopes,
      kibana: es.nodeSets[0].config["xpack.security.authc.realms.oidc.keycloak.rp.requested_scopes"],
      "kafka-ui": yamlOf(`values/${envName}/kafka-ui.yaml`).yamlApplicationConfig.auth.oauth2.client.keycloak.scope,
    };
    for (const [client, scopes] of Object.entries(requested)) {
      expect(scopes, client).toContain("openid");
      for (const scope of scopes) expect(KEYCLOAK_BUILTIN_SCOPES, `${client} requests ${scope}`).toContain(scope);
    }
  });

  it("A12 members of the realm's admin group are Grafana Admin and Argo CD admin, through the groups claim", () => {
    expect(realm.groups).toEqual([{ name: kc.adminGroup, path: `/${kc.adminGroup}` }]);
    for (const client of realm.clients) {
      const mapper = client.protocolMappers.find((m: any) => m.protocolMapper === "oidc-group-membership-mapper");
      expect(mapper.config).toMatchObject({ "claim.name": "groups", "full.path": "false", "id.token.claim": "true" });
    }
    const grafanaIni = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`).grafana["grafana.ini"]["auth.generic_oauth"];
    expect(grafanaIni.role_attribute_path).toBe(`contains(groups[*], '${kc.adminGroup}') && 'Admin' || 'Viewer'`);
    const rbac = yamlOf(`values/${envName}/argo-cd.yaml`).configs.rbac;
    expect(rbac.scopes).toBe("[groups]");
    expect(rbac["policy.csv"].trim().split("\n")).toContain(`g, ${kc.adminGroup}, role:admin`);
  });

  it("A13 Keycloak's bootstrap admin comes from an existing Secret, never a value", () => {
    for (const [name, key] of [["KC_BOOTSTRAP_ADMIN_USERNAME", "username"], ["KC_BOOTSTRAP_ADMIN_PASSWORD", "password"]] as const) {
      const entry = extraEnv.find((e) => e.name === name);
      expect(entry?.value).toBeUndefined();
      expect(entry?.valueFrom).toEqual({ secretKeyRef: { name: kc.bootstrapAdminSecret, key } });
    }
  });
});
