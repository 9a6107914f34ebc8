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
import { pathToFileURL } from "node:url";
import { BUNDLED_KINDS, bundleKinds, kindsRuntime, kubernetesModelsApiVersions } from "../../../scripts/build-time.mjs";
import { generate } from "../../../src/pipeline/generate.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { validateBuiltin, type KindModel } from "../../../src/core/lint/builtin.ts";
import { loadWithRuntime, type KindsRuntime } from "../../../src/core/lint/kinds-runtime.ts";

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

/** Objects of a kind: a plain one, one with what the kind's generated objects hold, and broken ones (wrong types, formats, int32 range, unknown fields, required fields). */
function objectsOf(key: string): Record<string, unknown>[] {
  const apiVersion = key.slice(0, key.lastIndexOf("/"));
  const kind = key.slice(key.lastIndexOf("/") + 1);
  const generated = generate(streamforge)
    .flatMap((r) => r.documents ?? [])
    .filter((d): d is Record<string, unknown> => d !== null && typeof d === "object" && (d as { kind?: unknown }).kind === kind);
  return [
    { apiVersion, kind, metadata: { name: "a", labels: { x: "y" } } },
    ...generated,
    { apiVersion, kind, metadata: { name: "a", creationTimestamp: "2024-01-01T00:00:00Z" }, data: { a: "not base64!" }, spec: { resources: { requests: { storage: "lots" } }, replicas: "2", ports: [{ port: 80, protocol: 5 }] } },
    { apiVersion, kind, metadata: { name: 5, creationTimestamp: "yesterday", generation: 2 ** 70 }, spec: "x", data: [1], unknownField: 1 },
    { apiVersion, kind, metadata: { name: "a" }, spec: { template: { spec: { containers: [{ ports: [{ containerPort: "80" }] }] } }, ports: [{ port: 2 ** 40 }] } },
    { kind },
  ];
}

/** What validating `object` throws (class, message, errors and the flags ajv sets), or null when it is valid. */
function thrown(model: KindModel, object: Record<string, unknown>): Record<string, unknown> | null {
  try {
    model.prototype.validate.call(object);
    return null;
  } catch (error) {
    const e = error as Error & Record<string, unknown>;
    return { class: e.constructor.name, message: e.message, errors: e.errors, ajv: e.ajv, validation: e.validation };
  }
}

/** The libraries the bundled CLI carries for the kinds, bundled as it bundles them (`kindsRuntime`), in `dir/runtime.cjs`. */
async function bundleRuntime(): Promise<KindsRuntime> {
  const runtime = await kindsRuntime(ROOT);
  if (!runtime) throw new Error("kindsRuntime: the installed kubernetes-models libraries are not the versions the bundle carries");
  const { build } = await import("esbuild");
  await build({
    stdin: { contents: `module.exports = ${runtime.source};`, resolveDir: ROOT, loader: "js" },
    outfile: join(dir, "runtime.cjs"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    plugins: [runtime.plugin],
    // What the CLI's bundle gives its sources (scripts/cli.mjs): their place in the package.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(join(ROOT, "src/core/lint/kinds-runtime.ts")).href) },
    logLevel: "warning",
  });
  return require(join(dir, "runtime.cjs")) as KindsRuntime;
}

let runtime: KindsRuntime;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await bundleKinds(dir);
  runtime = await bundleRuntime();
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

  it("run with the bundle's own libraries, judge objects and word failures as kubernetes-models' own modules do", () => {
    const base = runtime.modules()["@kubernetes-models/base"] as { Model: unknown };
    let failures = 0;
    for (const key of BUNDLED_KINDS) {
      const kind = key.slice(key.lastIndexOf("/") + 1);
      const own = (require(`kubernetes-models/${key}`) as Record<string, KindModel>)[kind]!;
      const bundled = loadWithRuntime(join(dir, `${key}.cjs`), runtime)[kind] as KindModel;
      // One copy of the libraries for every kind: the bundle's.
      expect(Object.getPrototypeOf(bundled), key).toBe(base.Model);
      for (const object of objectsOf(key)) {
        expect(validateBuiltin(bundled, object), key).toEqual(validateBuiltin(own, object));
        const error = thrown(bundled, object);
        expect(error, key).toEqual(thrown(own, object));
        if (error !== null) failures++;
      }
    }
    expect(failures).toBeGreaterThan(3 * BUNDLED_KINDS.length);
    // kubernetes-models' own messages came from its own validate.js (all of ajv-i18n), not a deferred copy.
    expect(Object.keys(require.cache).some((file) => file.endsWith("ajv-i18n/localize/index.js"))).toBe(true);
  });

  it("bundle every format of kubernetes-models' own, answering alike, the draft-2019 ones loading their parsers at first use", () => {
    const values = ["http://example.com/a?b#c", "mailto:a@b.example", "/relative/path", "ünïcode.example", "a@b.example", "not an address", "P1Y2M3DT4H5M6S", "P", "2024-01-01T00:00:00Z", "12Mi", "1.5e3", "aGVsbG8=", "10.0.0.0/8", "::1/128", "-1", "4294967296", "1.5", ""];
    const answers = (formats: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(formats).map(([name, format]) => {
          const check = typeof format === "object" && format !== null && "validate" in format ? (format as { validate: unknown }).validate : format;
          return [name, values.map((v) => (check instanceof RegExp ? check.test(v) : typeof check === "function" ? (check as (value: string) => boolean)(v) : check))];
        }),
      );
    const own = (require("@kubernetes-models/validate") as { formats: Record<string, unknown> }).formats;
    const ours = (runtime.modules()["@kubernetes-models/validate"] as { formats: Record<string, unknown> }).formats;
    expect(ours).not.toBe(own);
    expect(Object.keys(ours)).toEqual(Object.keys(own));
    expect(answers(ours)).toEqual(answers(own));
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

  it("are loaded by builtinKind with the bundle's libraries when the bundle carries them", async () => {
    vi.resetModules();
    const apiVersions = new Set(kubernetesModelsApiVersions(ROOT));
    vi.doMock("../../../src/core/lint/bundled-kinds.ts", () => ({ bundledKinds: { dir, kinds: new Set(["batch/v1/Job"]), apiVersions, runtime } }));
    const { builtinKind } = await import("../../../src/core/lint/builtin.ts");
    const job = builtinKind("batch/v1", "Job")!;
    expect(Object.getPrototypeOf(job)).toBe((runtime.modules()["@kubernetes-models/base"] as { Model: unknown }).Model);
    expect(job).not.toBe((require(join(dir, "batch/v1/Job.cjs")) as Record<string, KindModel>).Job);
    // A kind the bundle does not carry is kubernetes-models' own (whose libraries this process has loaded already).
    expect(builtinKind("v1", "Pod")).toBe((require("kubernetes-models/v1/Pod") as Record<string, KindModel>).Pod);
    vi.doUnmock("../../../src/core/lint/bundled-kinds.ts");
  });
});
