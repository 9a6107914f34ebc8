/**
 * The bundled CLI carries the kubernetes-models kinds the emitters write, each prebundled into one
 * file with its schemas (scripts/build-time.mjs): the list must cover what generation writes, a
 * prebundled kind must judge objects exactly as kubernetes-models' own module does, and
 * `builtinKind` must load the bundle's copy when there is one.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { BUNDLED_KINDS, bundleKinds, kubernetesModelsApiVersions } from "../../../scripts/build-time.mjs";
import { generate } from "../../../src/pipeline/generate.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { validateBuiltin, type KindModel } from "../../../src/core/lint/builtin.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const require = createRequire(import.meta.url);
// Inside the package, as in a bundle: kubernetes-models' shared libraries resolve from there.
const dir = join(ROOT, ".build", `test-kinds-${process.pid}`);

/** apiVersion/kind of every object in the embedded model's generated manifests. */
const generatedKinds = [
  ...new Set(
    generate(streamforge)
      .flatMap((r) => r.documents ?? [])
      .flatMap((d) => (d !== null && typeof d === "object" && "kind" in d && "apiVersion" in d ? [`${String(d.apiVersion)}/${String(d.kind)}`] : [])),
  ),
];
const isBuiltin = (key: string) => {
  try {
    require.resolve(`kubernetes-models/${key}`);
    return true;
  } catch {
    return false;
  }
};

/** Objects of a kind: a plain one, one with what the kind's generated objects hold, and broken ones. */
function objectsOf(key: string): Record<string, unknown>[] {
  const apiVersion = key.slice(0, key.lastIndexOf("/"));
  const kind = key.slice(key.lastIndexOf("/") + 1);
  const generated = generate(streamforge)
    .flatMap((r) => r.documents ?? [])
    .filter((d): d is Record<string, unknown> => d !== null && typeof d === "object" && (d as { kind?: unknown }).kind === kind);
  return [
    { apiVersion, kind, metadata: { name: "a", labels: { x: "y" } } },
    ...generated,
    { apiVersion, kind, metadata: { name: 5, creationTimestamp: "yesterday", generation: 2 ** 70 }, spec: "x", data: [1], unknownField: 1 },
    { apiVersion, kind, metadata: { name: "a" }, spec: { template: { spec: { containers: [{ ports: [{ containerPort: "80" }] }] } }, ports: [{ port: 2 ** 40 }] } },
    { kind },
  ];
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await bundleKinds(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("prebundled kubernetes-models kinds", () => {
  it("cover every built-in kind the embedded model's manifests hold", () => {
    const builtin = generatedKinds.filter(isBuiltin);
    expect(builtin.length).toBeGreaterThan(3);
    expect(builtin.filter((key) => !BUNDLED_KINDS.includes(key))).toEqual([]);
  });

  it("judge objects as kubernetes-models' own modules do: same errors, same unknown fields", () => {
    for (const key of BUNDLED_KINDS) {
      const kind = key.slice(key.lastIndexOf("/") + 1);
      const own = (require(`kubernetes-models/${key}`) as Record<string, KindModel>)[kind]!;
      const bundled = (require(join(dir, `${key}.cjs`)) as Record<string, KindModel>)[kind]!;
      expect(bundled).not.toBe(own);
      for (const object of objectsOf(key)) expect(validateBuiltin(bundled, object), key).toEqual(validateBuiltin(own, object));
    }
    // The broken objects are broken: the comparison is not between two empty lists.
    const secret = (require(join(dir, "v1/Secret.cjs")) as Record<string, KindModel>).Secret!;
    expect(validateBuiltin(secret, objectsOf("v1/Secret").at(-3)!).map((e) => e.pointer)).toEqual(expect.arrayContaining(["/metadata/name", "/data", "/unknownField"]));
  });

  it("come with every apiVersion kubernetes-models has kinds of, and no custom resource's", () => {
    const apiVersions = kubernetesModelsApiVersions(ROOT);
    expect(apiVersions).toEqual(expect.arrayContaining(["v1", "apps/v1", "batch/v1", "storage.k8s.io/v1", "discovery.k8s.io/v1"]));
    for (const key of generatedKinds) expect(apiVersions.includes(key.slice(0, key.lastIndexOf("/"))), key).toBe(isBuiltin(key));
  });

  it("are what builtinKind loads when the bundle carries them", async () => {
    vi.resetModules();
    const apiVersions = new Set(kubernetesModelsApiVersions(ROOT));
    vi.doMock("../../../src/core/lint/bundled-kinds.ts", () => ({ bundledKinds: { dir, kinds: new Set(["batch/v1/Job"]), apiVersions } }));
    const { builtinKind } = await import("../../../src/core/lint/builtin.ts");
    expect(builtinKind("batch/v1", "Job")).toBe((require(join(dir, "batch/v1/Job.cjs")) as Record<string, KindModel>).Job);
    expect(builtinKind("v1", "Secret")).toBe((require("kubernetes-models/v1/Secret") as Record<string, KindModel>).Secret);
    expect(builtinKind("cert-manager.io/v1", "Certificate")).toBeNull();
    vi.doUnmock("../../../src/core/lint/bundled-kinds.ts");
  });
});
