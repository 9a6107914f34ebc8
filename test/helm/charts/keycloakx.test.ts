/** Keycloak (S35, A12, A13) from the generated values. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { oidcIssuer } from "../../../src/core/model/derive.ts";
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
    expect(realm.clients.map((c: any) => c.clientId)).toEqual(["grafana", "kibana", "argocd"]);
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
});
