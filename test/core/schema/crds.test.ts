/**
 * CRD manifests to JSON schemas (kubeconform's layout) and the committed `schema/crds/`
 * (`npm run test:upstream` compares them with the upstream CRDs).
 */
import { join, resolve } from "node:path";
import { describe, expect, it, beforeAll } from "vitest";
import { crdSchemasOf, shareRepeated } from "../../../src/core/schema/crds.ts";
import { compileSchema, loadCrdSchema, schemaAjv } from "../../../src/core/schema/index.ts";
import { pathsUnder, yamlDocsOf } from "../../support/generated.ts";
import { cli, listFiles, tempDir } from "../../support/cli.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

const crd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.io }
spec:
  group: example.io
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1alpha1
      served: false
      storage: false
      schema: { openAPIV3Schema: { type: object } }
    - name: V1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          description: A widget.
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: { x-kubernetes-int-or-string: true, anyOf: [{ type: integer }, { type: string }] }
                port: { format: int-or-string }
                name: { type: string, pattern: "(?i)^[a-z]+$" }
                labels: { type: object, additionalProperties: { type: string } }
                template: { type: object, x-kubernetes-preserve-unknown-fields: true, properties: { kind: { type: string } } }
                nested: { type: object, properties: { a: { type: boolean } } }
                certs:
                  type: array
                  items:
                    type: object
                    required: [secretName]
                    properties: { secretName: { type: string }, certificate: { type: string }, pattern: { type: string } }
                    oneOf: [{ properties: { certificate: {} }, required: [certificate] }, { properties: { pattern: {} }, required: [pattern] }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: ignored }
`;

describe("CRD conversion", () => {
  const [widget, ...rest] = crdSchemasOf(crd);

  it("one schema per served version, named <group>/<kind>_<version>.json in lower case", () => {
    expect(rest).toEqual([]);
    expect(widget).toMatchObject({ group: "example.io", kind: "Widget", version: "V1", path: "example.io/widget_v1.json" });
  });

  it("closes nested objects unless they say otherwise; the root stays open; int-or-string; no descriptions", () => {
    const validate = compileSchema("test:widget", widget!.schema);
    const ok = { apiVersion: "example.io/V1", kind: "Widget", metadata: { name: "w" }, spec: { size: "1Gi", port: 80, labels: { a: "b" }, template: { kind: "x", extra: 1 }, nested: { a: true } } };
    expect(validate(ok)).toBe(true);
    expect(validate({ ...ok, spec: { ...ok.spec, port: "http" } })).toBe(true);
    expect(validate({ ...ok, spec: { ...ok.spec, sise: 1 } })).toBe(false);
    expect(validate({ ...ok, spec: { ...ok.spec, nested: { b: 1 } } })).toBe(false);
    expect(validate({ ...ok, spec: { ...ok.spec, port: true } })).toBe(false);
    expect(JSON.stringify(widget!.schema)).not.toContain("description");
  });

  it("keeps oneOf branches that only require a property open; the object around them stays closed (Strimzi's trustedCertificates)", () => {
    const validate = compileSchema("test:widget-certs", widget!.schema);
    const doc = (cert: Record<string, unknown>) => ({ apiVersion: "example.io/V1", kind: "Widget", metadata: { name: "w" }, spec: { size: 1, certs: [cert] } });
    expect(validate(doc({ secretName: "ca", certificate: "ca.crt" }))).toBe(true);
    expect(validate(doc({ secretName: "ca", pattern: "*.crt" }))).toBe(true);
    expect(validate(doc({ secretName: "ca", certificate: "ca.crt", pattern: "*.crt" }))).toBe(false);
    expect(validate(doc({ secretName: "ca", certificate: "ca.crt", extra: 1 }))).toBe(false);
  });

  it("shares repeated large subschemas through definitions, accepting the same documents", () => {
    const big = { type: "object", properties: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, { type: "string", maxLength: 63 }])) };
    const schema = shareRepeated({ type: "object", properties: { a: big, b: { type: "array", items: big }, c: { type: "integer" } } });
    expect(Object.keys(schema.definitions as object)).toHaveLength(1);
    expect(JSON.stringify(schema).match(/\$ref/g)).toHaveLength(2);
    const validate = compileSchema("test:shared", schema);
    expect(validate({ a: { field1: "x" }, b: [{ field39: "y" }], c: 1 })).toBe(true);
    expect(validate({ b: [{ field1: 3 }] })).toBe(false);
  });

  it("drops patterns only Go's regexp understands, and lists them", () => {
    expect(widget!.droppedPatterns).toEqual(["(?i)^[a-z]+$"]);
    expect(JSON.stringify(widget!.schema)).not.toContain("(?i)");
  });

  it("streamforge schema crds writes them under --out", async () => {
    const dir = tempDir();
    const file = join(dir, "widget.yaml");
    (await import("node:fs")).writeFileSync(file, crd);
    const result = await cli(["schema", "crds", file, "--out", join(dir, "out")], ROOT);
    expect(result.code).toBe(0);
    expect(listFiles(join(dir, "out"))).toEqual(["example.io/widget_v1.json"]);
  });
});

/** The custom resources the generator emits: every generated manifest whose apiVersion has a group. */
function emittedCustomResources(): Array<{ path: string; doc: Record<string, any> }> {
  return pathsUnder("manifests/")
    .flatMap((path) => yamlDocsOf(path).map((doc) => ({ path, doc: doc as Record<string, any> })))
    .filter(({ doc }) => typeof doc.apiVersion === "string" && doc.apiVersion.includes("/") && !/(^|\.)k8s\.io\/|^apps\/|^batch\/|^policy\//.test(doc.apiVersion) || /gateway\.networking\.k8s\.io|secrets-store\.csi\.x-k8s\.io/.test(String(doc.apiVersion)));
}

describe("committed CRD schemas", () => {
  it("cover every custom resource kind the generator emits", () => {
    const missing = emittedCustomResources().filter(({ doc }) => !loadCrdSchema(doc.apiVersion, doc.kind));
    expect(missing.map(({ path, doc }) => `${path}: ${doc.apiVersion} ${doc.kind}`)).toEqual([]);
  });
});
