/**
 * Trust of the internal CA (S7, S35, S37): every client of an endpoint whose certificate
 * `homelab-ca-issuer` signs is given that CA's public certificate, which config-syncer copies from
 * one Secret into the client's namespace.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { CONFIG_SYNC_ANNOTATION, caBundle, namespaceOf } from "../../../src/core/model/derive.ts";
import { yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("internal CA trust in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const ctx = { platform: streamforge, env };
  const bundle = caBundle(ctx);
  const synced = (release: string) => bundle.namespaces.includes(namespaceOf(streamforge, release));

  it("S37 the CA bundle holds the public certificate only and config-syncer copies it to each consumer's namespace", () => {
    expect(bundle.secret).not.toBe(env.ingress.caSecret);
    expect(bundle.namespace).toBe("cert-manager");
    expect(bundle.annotations[CONFIG_SYNC_ANNOTATION]).toBe("kubernetes.io/metadata.name in (argocd,kafka,logging,monitoring)");
    // Argo CD reads `$secret:key` only from Secrets with this label.
    expect(bundle.labels).toEqual({ "app.kubernetes.io/part-of": "argocd" });
    for (const release of ["kube-prometheus-stack", "argo-cd", "eck-elasticsearch", "fluent-bit", "kafka-ui"]) {
      const spec = streamforge.releases.find((r) => r.name === release)!;
      expect(spec.needs, release).toContain("config-syncer");
    }
  });

  it("S35 S7 Grafana trusts Keycloak through tls_client_ca, a file of the mounted CA bundle", () => {
    const grafana = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`).grafana;
    const file: string = grafana["grafana.ini"]["auth.generic_oauth"].tls_client_ca;
    const mount = grafana.extraSecretMounts.find((m: any) => file === `${m.mountPath}/${bundle.key}`);
    expect(mount).toMatchObject({ secretName: bundle.secret, readOnly: true });
    expect(synced("kube-prometheus-stack")).toBe(true);
  });

  it("S35 S7 Argo CD's oidc.config rootCA reads the CA bundle from its Secret in Argo CD's namespace", () => {
    const argo = yamlOf(`values/${envName}/argo-cd.yaml`);
    const oidc = parse(argo.configs.cm["oidc.config"]);
    expect(oidc.rootCA).toBe(`$${bundle.secret}:${bundle.key}`);
    expect(synced("argo-cd")).toBe(true);
  });

  it("S35 S7 Elasticsearch's OIDC realm trusts Keycloak through ssl.certificate_authorities inside its config directory", () => {
    const es = yamlOf(`values/${envName}/eck-elasticsearch.yaml`);
    const [nodeSet] = es.nodeSets;
    const [path] = nodeSet.config["xpack.security.authc.realms.oidc.keycloak.ssl.certificate_authorities"];
    const absolute = `/usr/share/elasticsearch/config/${path}`;
    const volume = nodeSet.podTemplate.spec.volumes.find((v: any) => v.secret?.secretName === bundle.secret);
    const container = nodeSet.podTemplate.spec.containers.find((c: any) => c.name === "elasticsearch");
    const mount = container.volumeMounts.find((m: any) => m.name === volume.name);
    expect(absolute).toBe(`${mount.mountPath}/${bundle.key}`);
    expect(synced("eck-elasticsearch")).toBe(true);
  });
});
