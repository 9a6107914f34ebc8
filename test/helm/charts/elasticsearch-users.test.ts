/**
 * Elasticsearch's clients (S25, S26) log in as users of their own with least privilege, verify
 * its certificate, and wait for nothing that only an apply creates (A13).
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { CONFIG_SYNC_ANNOTATION, elasticsearchSecrets, elasticsearchUsers } from "../../../src/core/model/derive.ts";
import { generated, pathsUnder, yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("Elasticsearch users and TLS in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const ctx = { platform: streamforge, env };
  const logging = env.components.logging;
  const es = yamlOf(`values/${envName}/eck-elasticsearch.yaml`);
  const setup = pathsUnder(`manifests/${envName}/elasticsearch-setup/`).map((p) => yamlOf(p));
  const grafana = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`).grafana;
  const elastic = grafana.additionalDataSources.find((d: any) => d.type === "elasticsearch");

  it("S25 S26 Grafana and Fluent Bit are users of Elasticsearch's file realm, not the elastic superuser", () => {
    expect(es.auth.fileRealm.map((r: any) => r.secretName).sort()).toEqual([logging.users.fluentBit.secret, logging.users.grafana.secret].sort());
    expect(elastic.basicAuthUser).toBe(logging.users.grafana.username);
    expect([logging.users.grafana.username, logging.users.fluentBit.username]).not.toContain("elastic");
    for (const user of elasticsearchUsers(ctx)) expect(user.type).toBe("kubernetes.io/basic-auth");
  });

  it("S26 config-syncer copies Grafana's Elasticsearch login into Grafana's namespace; Fluent Bit's stays in logging", () => {
    const users = elasticsearchUsers(ctx);
    expect(users.find((u) => u.client === "grafana")!.annotations[CONFIG_SYNC_ANNOTATION]).toBe("kubernetes.io/metadata.name in (monitoring)");
    expect(users.find((u) => u.client === "fluentBit")!.annotations).toEqual({});
  });

  it("S25 S26 each role grants only what its client does: Grafana reads the log indices, Fluent Bit creates them and adds documents", () => {
    const rolesSecret = setup.find((o) => o.kind === "Secret" && o.stringData);
    expect(es.auth.roles).toEqual([{ secretName: rolesSecret.metadata.name }]);
    const roles = parse(rolesSecret.stringData["roles.yml"]);
    const indices = [`${logging.indexPrefix}-*`];
    expect(roles[logging.users.grafana.role]).toEqual({ cluster: ["monitor"], indices: [{ names: indices, privileges: ["read", "view_index_metadata"] }] });
    expect(roles[logging.users.fluentBit.role]).toEqual({ cluster: ["monitor"], indices: [{ names: indices, privileges: ["create_index", "create_doc"] }] });
    // The roles Secret declares that it carries role definitions only.
    expect(rolesSecret.metadata.annotations["streamforge.io/public-data"]).toBe("roles.yml");
  });

  it("S7 S25 Elasticsearch serves HTTPS with a certificate of the internal CA issuer for the host its clients call", () => {
    const cert = setup.find((o) => o.kind === "Certificate");
    expect(es.http.tls.certificate.secretName).toBe(cert.spec.secretName);
    expect(cert.spec.issuerRef).toMatchObject({ kind: "ClusterIssuer", name: env.ingress.issuer });
    expect(cert.spec.dnsNames).toContain(new URL(elastic.url).hostname);
  });

  it("S26 Grafana verifies Elasticsearch with the CA bundle it mounts; no data source skips TLS verification", () => {
    expect(elastic.jsonData.tlsAuthWithCACert).toBe(true);
    expect(elastic.jsonData.tlsSkipVerify).toBeUndefined();
    const file = /^\$__file\{(.+)\}$/.exec(elastic.secureJsonData.tlsCACert)![1];
    expect(grafana.extraSecretMounts.some((m: any) => file!.startsWith(`${m.mountPath}/`) && m.secretName === env.ingress.caBundle.secret)).toBe(true);
    for (const [path, record] of generated()) expect(record.content, path).not.toMatch(/tlsSkipVerify:\s*true|insecureSkipVerify:\s*true/);
  });

  it("A13 no release reads the elastic user's Secret, which only exists once ECK has run", () => {
    const elasticUser = elasticsearchSecrets(env).elasticUser.secret;
    for (const [path, record] of generated()) expect(record.content.includes(elasticUser), path).toBe(false);
  });
});
