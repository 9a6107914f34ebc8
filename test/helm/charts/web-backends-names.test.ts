/**
 * The Gateway's backends for Argo CD, Vault and Keycloak (A11) name the Services these charts
 * really create: the names below follow from each chart's fullname rule and the values our
 * adapters write (Argo CD's `fullnameOverride`; the vault and keycloakx releases contain their
 * chart names), written out so that a change in either the table or an adapter shows here.
 */
import { describe, expect, it } from "vitest";
import { prod, streamforge } from "../../../src/platform/streamforge.ts";
import { manifestContext } from "../../../src/helm/releases.ts";
import { resolveWebBackend } from "../../../src/helm/charts/web-backends.ts";
import { yamlOf } from "../../support/generated.ts";

const envNames = streamforge.environments.map((e) => e.name);

describe("web backends of argo-cd, vault and keycloakx", () => {
  it("A11 S32 argocd routes to argocd-server, served as plain HTTP behind the gateway", () => {
    for (const envName of envNames) {
      const values = yamlOf(`values/${envName}/argo-cd.yaml`);
      expect(values.fullnameOverride).toBe("argocd");
      expect(values.configs.params["server.insecure"]).toBe(true);
    }
    expect(resolveWebBackend(manifestContext(streamforge, prod), "argocd")).toMatchObject({ name: "argocd-server", namespace: "argocd" });
  });

  it("A11 S34 vault routes to the vault Service (plain HTTP, TLS ends at the gateway)", () => {
    for (const envName of envNames) {
      const values = yamlOf(`values/${envName}/vault.yaml`);
      expect(values.fullnameOverride).toBeUndefined();
      expect(values.global.tlsDisable).toBe(true);
    }
    expect(resolveWebBackend(manifestContext(streamforge, prod), "vault")).toMatchObject({ name: "vault", namespace: "vault" });
  });

  it("A11 S35 keycloak routes to keycloakx-http", () => {
    for (const envName of envNames) expect(yamlOf(`values/${envName}/keycloakx.yaml`).fullnameOverride).toBeUndefined();
    expect(resolveWebBackend(manifestContext(streamforge, prod), "keycloak")).toMatchObject({ name: "keycloakx-http", namespace: "keycloak" });
  });
});
