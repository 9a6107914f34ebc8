/** Argo CD (S32, A11, A12, A13) from the generated values. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("argo-cd in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const values = yamlOf(`values/${envName}/argo-cd.yaml`);
  const oidc = parse(values.configs.cm["oidc.config"]);

  it("S32 syncs from the iac_kubeadm repository on gitlab.dmz.home over HTTPS", () => {
    const repos = Object.values(values.configs.repositories) as Array<{ url: string; type: string }>;
    expect(repos).toHaveLength(1);
    expect(repos[0]!.url).toBe(`https://${env.external.gitlab.fqdn}/${env.components.argocd.repoPath}.git`);
    expect(repos[0]!.url).toMatch(/^https:\/\/gitlab\.dmz\.home\/.*\/iac_kubeadm\.git$/);
    expect(repos[0]!.type).toBe("git");
  });

  it("S32 trusts GitLab's CA through the existing argocd-tls-certs-cm, not a certificate in the values (A13)", () => {
    expect(values.configs.tls.create).toBe(false);
    expect(values.configs.tls.certificates).toBeUndefined();
    expect(JSON.stringify(values)).not.toContain("BEGIN CERTIFICATE");
  });

  it(`S32 A11 serves the UI at argocd.${env.domain} behind the TLS-terminating gateway`, () => {
    expect(values.global.domain).toBe(`argocd.${env.domain}`);
    if (envName === "prod") expect(values.global.domain).toBe("argocd.dmz.home");
    expect(values.configs.params["server.insecure"]).toBe(true);
  });

  it("A12 logs in through Keycloak realm streamforge with the client secret read from a Secret (A13)", () => {
    expect(oidc.issuer).toBe(`https://keycloak.${env.domain}/realms/streamforge`);
    expect(oidc.clientID).toBe("argocd");
    const ref = env.components.keycloak.clients.argocd;
    expect(oidc.clientSecret).toBe(`$${ref.secret}:${ref.key}`);
    expect(values.dex.enabled).toBe(false);
  });

  it("runs the model's replica count, with redis-ha when scaled out", () => {
    const replicas = env.components.argocd.replicas;
    expect(values.server.replicas).toBe(replicas);
    expect(values.repoServer.replicas).toBe(replicas);
    expect(values["redis-ha"].enabled).toBe(replicas > 1);
    expect(values.redis.enabled).toBe(replicas === 1);
  });
});
