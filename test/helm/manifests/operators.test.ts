/**
 * What exists once a manifest is applied: the object, and what its operator creates from it, by
 * the operator's naming at the pinned version. The reference rule resolves names against this.
 */
import { describe, expect, it } from "vitest";
import { ANY_NAMESPACE, objectCreates } from "../../../src/helm/manifests/operators.ts";

describe("objectCreates", () => {
  it("S19 a postgresql's users are roles of the cluster; `<ns>.<user>` gets its Secret in <ns> (enable_cross_namespace_secret)", () => {
    const created = objectCreates({ apiVersion: "acid.zalan.do/v1", kind: "postgresql", metadata: { name: "pg", namespace: "postgres" }, spec: { users: { "keycloak.keycloak": [], app: [] } } }, "postgres");
    expect(created).toContainEqual({ kind: "PostgresRole", namespace: "postgres", name: "keycloak.keycloak" });
    expect(created).toContainEqual({ kind: "Secret", namespace: "keycloak", name: "keycloak.keycloak.pg.credentials.postgresql.acid.zalan.do", keys: ["username", "password"] });
    expect(created).toContainEqual({ kind: "Secret", namespace: "postgres", name: "app.pg.credentials.postgresql.acid.zalan.do", keys: ["username", "password"] });
    expect(created).toContainEqual({ kind: "Service", namespace: "postgres", name: "pg", ports: [5432] });
  });

  it("S21 a KafkaUser's Secret has the user's name and holds password and sasl.jaas.config", () => {
    expect(objectCreates({ apiVersion: "kafka.strimzi.io/v1beta2", kind: "KafkaUser", metadata: { name: "kafka-ui", namespace: "kafka" } }, "kafka")).toEqual([
      { kind: "Secret", namespace: "kafka", name: "kafka-ui", keys: ["password", "sasl.jaas.config"] },
    ]);
  });

  it("S7 a Certificate's Secret holds the pair and the CA", () => {
    expect(objectCreates({ apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "c", namespace: "traefik" }, spec: { secretName: "c-tls" } }, "traefik")).toEqual([
      { kind: "Secret", namespace: "traefik", name: "c-tls", keys: ["tls.crt", "tls.key", "ca.crt"] },
    ]);
  });

  it("a ConfigMap config-syncer copies (kubed.appscode.com/sync) exists in every namespace; an unannotated one in its own only", () => {
    const cm = (annotations: Record<string, string>) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ca", namespace: "cert-manager", annotations }, data: { "ca.crt": "" } });
    expect(objectCreates(cm({ "kubed.appscode.com/sync": "" }), "x").map((p) => p.namespace)).toEqual(["cert-manager", ANY_NAMESPACE]);
    expect(objectCreates(cm({}), "x").map((p) => p.namespace)).toEqual(["cert-manager"]);
  });

  it("a Service provides its ports; kinds nothing refers to provide nothing", () => {
    expect(objectCreates({ apiVersion: "v1", kind: "Service", metadata: { name: "s", namespace: "a" }, spec: { ports: [{ port: 80 }, { port: 443 }] } }, "a")).toEqual([{ kind: "Service", namespace: "a", name: "s", ports: [80, 443] }]);
    expect(objectCreates({ apiVersion: "metallb.io/v1beta1", kind: "IPAddressPool", metadata: { name: "p", namespace: "m" } }, "m")).toEqual([]);
  });
});
