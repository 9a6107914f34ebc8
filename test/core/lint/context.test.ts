/**
 * What a rule context gives the rules: the Kubernetes objects of an environment and every value
 * of its deployed files with the place it is at. The objects are found by a walk of their own
 * (not the walk of every value), so these tests hold the two to the same answer.
 */
import { describe, expect, it } from "vitest";
import { LintFile, RuleContext, isObject, walk, type KubeDoc } from "../../../src/core/lint/context.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { generate } from "../../../src/pipeline/generate.ts";

const env = streamforge.environments[0]!;
const release = streamforge.releases[0]!;

function context(files: LintFile[]): RuleContext {
  return new RuleContext(streamforge, env, files, "model.ts");
}

/** The objects as the values walk sees them: manifest documents, and object items under the extra-object keys of values. */
function objectsFromWalk(ctx: RuleContext): Array<Pick<KubeDoc, "file" | "doc" | "pointer" | "kind" | "object">> {
  const out: Array<Pick<KubeDoc, "file" | "doc" | "pointer" | "kind" | "object">> = [];
  for (const visit of ctx.values()) {
    const { file, doc, pointer } = visit.site;
    if (file.kind === "manifest") {
      if (pointer === "" && isObject(visit.value)) out.push({ file, doc, pointer, kind: typeof visit.value.kind === "string" ? visit.value.kind : "", object: visit.value });
      continue;
    }
    if (!Array.isArray(visit.value) || !["extraObjects", "extraManifests", "extraDeploy", "additionalManifests"].includes(String(visit.key))) continue;
    visit.value.forEach((item, i) => {
      if (isObject(item) && typeof item.kind === "string") out.push({ file, doc, pointer: `${pointer}/${i}`, kind: item.kind, object: item });
    });
  }
  return out;
}

const strip = (docs: readonly KubeDoc[]) => docs.map(({ file, doc, pointer, kind, object }) => ({ file, doc, pointer, kind, object }));

describe("RuleContext.kubeObjects", () => {
  it("finds the objects the values walk finds, at the same places and in the same order, in values with nested and escaped keys", () => {
    const values = {
      extraObjects: [{ kind: "ConfigMap", metadata: { name: "a" } }, "not an object", { metadata: { name: "no kind" } }],
      "odd/key~name": { extraManifests: [{ kind: "Secret", extraDeploy: [{ kind: "Service" }] }] },
      list: [{ additionalManifests: [{ kind: "Job" }] }],
      // An extra-object key whose value is not a list holds no objects.
      extraDeploy: { kind: "Deployment" },
    };
    const manifest = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "m" }, data: { extraObjects: [{ kind: "Pod" }] } };
    const ctx = context([
      new LintFile("values/prod/x.yaml", "", "values", release, [values]),
      new LintFile("manifests/prod/x/a.yaml", "", "manifest", release, [manifest, "scalar document"]),
      new LintFile("values/prod/y.yaml", "", "values", release, [{}, { extraObjects: [{ kind: "Namespace" }] }]),
    ]);
    const found = strip(ctx.kubeObjects);
    expect(found).toEqual(objectsFromWalk(ctx));
    expect(found.map((d) => [d.file.path, d.doc, d.pointer, d.kind])).toEqual([
      ["values/prod/x.yaml", 0, "/extraObjects/0", "ConfigMap"],
      ["values/prod/x.yaml", 0, "/odd~1key~0name/extraManifests/0", "Secret"],
      ["values/prod/x.yaml", 0, "/odd~1key~0name/extraManifests/0/extraDeploy/0", "Service"],
      ["values/prod/x.yaml", 0, "/list/0/additionalManifests/0", "Job"],
      // A manifest's objects are its documents; lists inside them are not searched.
      ["manifests/prod/x/a.yaml", 0, "", "ConfigMap"],
      ["values/prod/y.yaml", 1, "/extraObjects/0", "Namespace"],
    ]);
  });

  it("gives the objects of every environment of the generated platform as the walk does", () => {
    const records = generate(streamforge);
    for (const e of streamforge.environments) {
      const files = records
        .filter((r) => r.env === e.name && (r.path.startsWith("values/") || r.path.startsWith("manifests/")))
        .map((r) => new LintFile(r.path, r.content, r.path.startsWith("values/") ? "values" : "manifest", release, r.documents));
      const ctx = new RuleContext(streamforge, e, files, "model.ts");
      expect(ctx.kubeObjects.length).toBeGreaterThan(0);
      expect(strip(ctx.kubeObjects)).toEqual(objectsFromWalk(ctx));
    }
  });
});

describe("RuleContext.values", () => {
  it("gives each value its file, path and RFC 6901 pointer, built when read", () => {
    const file = new LintFile("values/prod/x.yaml", "", "values", release, [{ "a/b": [{ "c~d": 1 }] }]);
    const visits = context([file]).values();
    const leaf = visits.find((v) => v.key === "c~d")!;
    expect(leaf.file).toBe(file);
    expect(leaf.path).toEqual(["a/b", 0, "c~d"]);
    expect(leaf.site).toEqual({ file, doc: 0, pointer: "/a~1b/0/c~0d" });
    expect(visits.map((v) => v.site.pointer)).toEqual(["", "/a~1b", "/a~1b/0", "/a~1b/0/c~0d"]);
  });

  it("gives each value the index of its document, the same as its site's, without building the site", () => {
    // Rules test `doc` and `file` of every value; `site` (a pointer string each) only for a finding.
    const file = new LintFile("manifests/prod/x/a.yaml", "", "manifest", release, [{ a: 1 }, { b: [2] }]);
    const visits = context([file]).values();
    expect(visits.map((v) => [v.key, v.doc])).toEqual([[undefined, 0], ["a", 0], [undefined, 1], ["b", 1], [0, 1]]);
    expect(visits.every((v) => v.doc === v.site.doc && v.file === v.site.file)).toBe(true);
  });
});

describe("walk", () => {
  it("visits every value depth first with its key, parent and path from the root (after the root's own path)", () => {
    const tree = { a: [1, { b: "x" }], "c/d": null };
    const visits = walk(tree, ["components"]);
    expect(visits.map((v) => [v.key, v.path, v.value])).toEqual([
      ["components", ["components"], tree],
      ["a", ["components", "a"], tree.a],
      [0, ["components", "a", 0], 1],
      [1, ["components", "a", 1], tree.a[1]],
      ["b", ["components", "a", 1, "b"], "x"],
      ["c/d", ["components", "c/d"], null],
    ]);
    expect(visits.map((v) => v.parent)).toEqual([undefined, tree, tree.a, tree.a, tree.a[1], tree]);
    // Each read is the caller's own list.
    const leaf = visits[4]!;
    leaf.path.push("changed");
    expect(leaf.path).toEqual(["components", "a", 1, "b"]);
  });
});
