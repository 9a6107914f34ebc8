/**
 * CRD manifests to JSON schemas (kubeconform's layout), the committed `schema/crds/`, and the
 * same verdicts as the reference schemas on sample documents.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { crdSchemasOf, shareRepeated } from "../../../src/core/schema/crds.ts";
import { pinnedCrdRecords } from "../../../src/core/schema/crd-catalogue.ts";
import { compileSchema, loadCrdSchema, schemaAjv } from "../../../src/core/schema/index.ts";
import { hasReference, referencePath } from "../../support/reference.ts";
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

/** Every committed CRD schema: `<group>/<file>`. */
function committed(): string[] {
  const dir = join(ROOT, "schema/crds");
  return readdirSync(dir).flatMap((group) => readdirSync(join(dir, group)).map((file) => `${group}/${file}`)).sort();
}

/** The custom resources the generator emits: every generated manifest whose apiVersion has a group. */
function emittedCustomResources(): Array<{ path: string; doc: Record<string, any> }> {
  return pathsUnder("manifests/")
    .flatMap((path) => yamlDocsOf(path).map((doc) => ({ path, doc: doc as Record<string, any> })))
    .filter(({ doc }) => typeof doc.apiVersion === "string" && doc.apiVersion.includes("/") && !/(^|\.)k8s\.io\/|^apps\/|^batch\/|^policy\//.test(doc.apiVersion) || /gateway\.networking\.k8s\.io|secrets-store\.csi\.x-k8s\.io/.test(String(doc.apiVersion)));
}

describe.runIf(hasReference("crds"))("committed CRD schemas", () => {
  const records = pinnedCrdRecords(referencePath());

  it("are current (run `npm run schema:crds`)", () => {
    expect(committed()).toEqual(records.map((r) => r.path.replace("schema/crds/", "")));
    for (const record of records) expect(readFileSync(join(ROOT, record.path), "utf8"), record.path).toBe(record.content);
  }, 60_000);

  it("exist for every kind and version the reference has under the same name", () => {
    for (const file of committed()) expect(existsSync(referencePath("crd-schemas", file)), file).toBe(true);
  });

  it("cover every custom resource kind the generator emits", () => {
    const missing = emittedCustomResources().filter(({ doc }) => !loadCrdSchema(doc.apiVersion, doc.kind));
    expect(missing.map(({ path, doc }) => `${path}: ${doc.apiVersion} ${doc.kind}`)).toEqual([]);
  });

  it("accept and reject sample documents as the reference schemas do", () => {
    const samples = emittedCustomResources().flatMap(({ doc }) => {
      const spec = (doc.spec ?? {}) as Record<string, unknown>;
      return [
        { doc, accepted: true },
        { doc: { ...doc, spec: { ...spec, notAField: true } }, accepted: false },
        ...(Object.keys(spec).length ? [{ doc: { ...doc, spec: "a string" }, accepted: false }] : []),
      ];
    });
    expect(samples.length).toBeGreaterThan(30);
    const ajv = schemaAjv();
    for (const { doc, accepted } of samples) {
      const [group, version] = String(doc.apiVersion).split("/") as [string, string];
      const name = `${group}/${String(doc.kind).toLowerCase()}_${version}.json`;
      const ours = compileSchema(`test:${name}`, loadCrdSchema(doc.apiVersion, doc.kind)!);
      const theirs = compileSchema(`reference:${name}`, JSON.parse(readFileSync(referencePath("crd-schemas", name), "utf8")));
      const label = `${name} ${accepted ? "valid" : "invalid"} sample`;
      expect(theirs(doc), `${label} (reference)`).toBe(accepted);
      expect(ours(doc), `${label}: ${ajv.errorsText(ours.errors)}`).toBe(accepted);
    }
  }, 120_000);
});
