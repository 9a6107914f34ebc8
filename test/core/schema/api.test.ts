/** The schema API the lint checks use: load by chart version or by apiVersion and kind, compile once. */
import { describe, expect, it } from "vitest";
import { chartValidator, compileSchema, crdValidator, loadChartSchema, loadCrdSchema } from "../../../src/core/schema/index.ts";

describe("schema API", () => {
  it("loads a chart version's values schema, or undefined for a version without one", () => {
    expect(loadChartSchema("traefik", "36.1.0")).toMatchObject({ type: "object", additionalProperties: false });
    expect(loadChartSchema("traefik", "0.0.0")).toBeUndefined();
    expect(loadChartSchema("gitlab-runner", "0.79.0")).toBeUndefined();
    // gitlab-runner's schema comes from the adapter's documented keys (no upstream values.yaml).
    expect(loadChartSchema("gitlab-runner", "0.80.0")).toMatchObject({ additionalProperties: false });
  });

  it("loads a custom resource's schema by apiVersion and kind; core kinds have none", () => {
    expect(loadCrdSchema("metallb.io/v1beta1", "IPAddressPool")).toMatchObject({ type: "object" });
    expect(loadCrdSchema("kafka.strimzi.io/v1beta2", "KafkaTopic")).toBeDefined();
    expect(loadCrdSchema("v1", "ConfigMap")).toBeUndefined();
    expect(loadCrdSchema("metallb.io/v1beta2", "IPAddressPool")).toBeUndefined();
  });

  it("compiles each schema once per process", () => {
    const first = crdValidator("metallb.io/v1beta1", "IPAddressPool");
    expect(first).toBeDefined();
    expect(crdValidator("metallb.io/v1beta1", "IPAddressPool")).toBe(first);
    expect(chartValidator("metallb", "0.14.9")).toBe(chartValidator("metallb", "0.14.9"));
    const schema = { type: "object", properties: { a: { type: "string" } }, additionalProperties: false };
    expect(compileSchema("api-test", schema)).toBe(compileSchema("api-test", schema));
  });

  it("the compiled validators are strict: an unknown key in a pool's spec fails", () => {
    const validate = crdValidator("metallb.io/v1beta1", "IPAddressPool")!;
    const pool = { apiVersion: "metallb.io/v1beta1", kind: "IPAddressPool", metadata: { name: "p" }, spec: { addresses: ["192.168.1.150-192.168.1.169"] } };
    expect(validate(pool)).toBe(true);
    expect(validate({ ...pool, spec: { ...pool.spec, adresses: [] } })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: "additionalProperties", params: { additionalProperty: "adresses" } });
  });
});
