/**
 * The committed CRD schemas (`schema/crds/`) are what `npm run schema:crds` derives from the
 * upstream CRDs of the pinned versions, and give the same verdicts as independently made
 * kubeconform-style schemas on sample documents.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pinnedCrdRecords } from "../../src/core/schema/crd-catalogue.ts";
import { compileSchema, loadCrdSchema, schemaAjv } from "../../src/core/schema/index.ts";
import { CACHE, expectedPath, REPO as ROOT } from "../support/upstream.ts";
import { pathsUnder, yamlDocsOf } from "../support/generated.ts";

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

describe("committed CRD schemas", () => {
  const records = pinnedCrdRecords(CACHE);

  it("are current (run `npm run schema:crds`)", () => {
    expect(committed()).toEqual(records.map((r) => r.path.replace("schema/crds/", "")));
    for (const record of records) expect(readFileSync(join(ROOT, record.path), "utf8"), record.path).toBe(record.content);
  }, 60_000);

  it("exist for every kind and version the independent schemas have under the same name", () => {
    for (const file of committed()) expect(existsSync(join(expectedPath("crd-schemas"), file)), file).toBe(true);
  });

  it("accept and reject sample documents as the independent schemas do", () => {
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
      const theirs = compileSchema(`reference:${name}`, JSON.parse(readFileSync(expectedPath("crd-schemas", name), "utf8")));
      const label = `${name} ${accepted ? "valid" : "invalid"} sample`;
      expect(theirs(doc), `${label} (reference)`).toBe(accepted);
      expect(ours(doc), `${label}: ${ajv.errorsText(ours.errors)}`).toBe(accepted);
    }
  }, 120_000);
});
