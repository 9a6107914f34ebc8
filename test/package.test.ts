/**
 * The package as another repository gets it: `npm pack` (which builds in `prepare`), unpacked
 * under node_modules/@streamforge/platform with only what the tarball holds, imported by its name,
 * type-checked by a strict consumer, and its bin run with plain node.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { tempDir } from "./support/cli.ts";
import { installPacked, packOnce, ROOT, tsc } from "./support/packed.ts";
import { cacheRejected } from "./support/code-cache.ts";

/** What a strict consumer repository compiles with: no skipLibCheck, so our declarations are checked too. */
export const STRICT = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: false,
  noEmit: true,
  types: [],
};

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; exports: Record<string, unknown> };
let work: string;
let pkg: string;

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: work, encoding: "utf8" });

beforeAll(() => {
  work = tempDir("streamforge-consumer-");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  pkg = installPacked(work);
}, 240_000);

describe("the packed package", () => {
  it("holds the built entry points, declarations and schemas (npm pack builds; it never packs without dist/)", () => {
    const { files } = packOnce();
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/cli/main.cjs", "dist/cli/main.js", "dist/cli/cli.cjs.v8cache", "dist/service-kit/index.js", "dist/service-kit/index.d.ts", "schema/platform.schema.json", "package.json"]));
    expect(files.some((f) => f.startsWith("src/") || f.startsWith("test/"))).toBe(false);
  });

  it("imports by name and generates the embedded model", () => {
    writeFileSync(
      join(work, "use.mjs"),
      [
        'import { streamforge, generate, hostOf, kafkaBootstrap, applyOverride } from "@streamforge/platform";',
        'const prod = streamforge.environments.find((e) => e.name === "prod");',
        "const files = generate(streamforge);",
        'const staging = applyOverride(prod, { name: "staging", domain: "staging.dmz.home" });',
        'console.log(JSON.stringify({ files: files.length, grafana: hostOf(prod, "grafana"), staging: hostOf(staging, "grafana"), kafka: kafkaBootstrap({ platform: streamforge, env: prod }) }));',
      ].join("\n"),
    );
    const out = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: work, encoding: "utf8" }));
    expect(out).toEqual({ files: expect.any(Number), grafana: "grafana.dmz.home", staging: "grafana.staging.dmz.home", kafka: "k3-kafka-bootstrap.kafka.svc.cluster.local:9093" });
    expect(out.files).toBeGreaterThan(150);
  });

  it("exports only its documented subpaths", () => {
    writeFileSync(
      join(work, "paths.mjs"),
      [
        'import { createRequire } from "node:module";',
        'const kit = await import("@streamforge/platform/service-kit");',
        'const schema = createRequire(import.meta.url).resolve("@streamforge/platform/schema/platform.schema.json");',
        "let internal;",
        'try { await import("@streamforge/platform/dist/emit/index.js"); internal = "imported"; } catch (e) { internal = e.code; }',
        "console.log(JSON.stringify({ kit: typeof kit.serviceKit, schema: schema.endsWith('schema/platform.schema.json'), internal }));",
      ].join("\n"),
    );
    expect(JSON.parse(execFileSync(process.execPath, ["paths.mjs"], { cwd: work, encoding: "utf8" }))).toEqual({ kit: "function", schema: true, internal: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
    expect(Object.keys(manifest.exports).sort()).toEqual([".", "./package.json", "./schema/*", "./service-kit"]);
  });

  it("keeps the embedded model read-only: a consumer's assignment throws and later generations are unchanged", () => {
    writeFileSync(
      join(work, "freeze.mjs"),
      [
        'import { streamforge, prod, lab, generate } from "@streamforge/platform";',
        "const before = generate(streamforge).map((f) => f.content).join('');",
        "const attempts = [() => { prod.domain = 'evil.example'; }, () => { lab.nodes[0].ip = '10.0.0.1'; }, () => { streamforge.releases.push({}); }, () => { prod.components.kafka.topics[0].partitions = 1; }];",
        "const thrown = attempts.map((f) => { try { f(); return 'changed'; } catch (e) { return e.constructor.name; } });",
        "console.log(JSON.stringify({ thrown, same: generate(streamforge).map((f) => f.content).join('') === before }));",
      ].join("\n"),
    );
    expect(JSON.parse(execFileSync(process.execPath, ["freeze.mjs"], { cwd: work, encoding: "utf8" }))).toEqual({ thrown: ["TypeError", "TypeError", "TypeError", "TypeError"], same: true });
  });

  it("generate() on a broken model throws InvalidModelError with a pointer to each problem", () => {
    writeFileSync(
      join(work, "broken.mjs"),
      [
        'import { streamforge, generate, InvalidModelError } from "@streamforge/platform";',
        "const broken = structuredClone(streamforge);",
        "delete broken.environments[0].network;",
        "broken.environments[1].nodes[0].ip = 'not-an-ip';",
        "try { generate(broken); console.log('generated'); }",
        "catch (e) { console.log(JSON.stringify({ invalid: e instanceof InvalidModelError, pointers: e.diagnostics?.map((d) => d.pointer) })); }",
      ].join("\n"),
    );
    expect(JSON.parse(execFileSync(process.execPath, ["broken.mjs"], { cwd: work, encoding: "utf8" }))).toEqual({
      invalid: true,
      pointers: expect.arrayContaining(["/environments/0", "/environments/1/nodes/0/ip"]),
    });
  });

  it("type-checks a strict consumer (noUncheckedIndexedAccess, exactOptionalPropertyTypes, no skipLibCheck)", () => {
    writeFileSync(
      join(work, "check.ts"),
      [
        'import { type Platform, type Environment, applyOverride, generate, prod, streamforge } from "@streamforge/platform";',
        "export const name = (p: Platform, e: Environment): string => `${p.name}/${e.domain}`;",
        'export const staging: Environment = applyOverride(prod, { name: "staging" });',
        "export const count: number = generate(streamforge).length;",
        'import { serviceKit } from "@streamforge/platform/service-kit";',
        'export const env = serviceKit(streamforge, "prod", { name: "svc", path: "services/svc", topics: [], ci: { project: "p", ref: "main" } }).client.env;',
      ].join("\n"),
    );
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions: STRICT, files: ["check.ts"] }));
    expect(() => tsc(work, ["-p", "tsconfig.json"])).not.toThrow();
  });

  it("runs its bin with plain node: --version, and gen from a .ts model with no loader set up by the consumer", () => {
    const bin = join(work, "node_modules/.bin/streamforge");
    expect(node([bin, "--version"]).stdout).toBe(`${manifest.version}\n`);
    writeFileSync(
      join(work, "my-platform.ts"),
      [
        'import { type Platform, applyOverride, prod, streamforge } from "@streamforge/platform";',
        'const keep: ReadonlySet<string> = new Set(["cert-manager", "cert-manager-issuers", "metallb", "metallb-pools"]);',
        'const moved = applyOverride(prod, { name: "home", domain: "home.arpa" });',
        "// Versions are pinned for the platform's own releases only (a pin for another is a model error).",
        "const home = { ...moved, versions: Object.fromEntries(Object.entries(moved.versions).filter(([name]) => keep.has(name))) };",
        "const platform: Platform = {",
        '  name: "home", defaultEnvironment: "home",',
        "  repositories: { jetstack: streamforge.repositories.jetstack!, metallb: streamforge.repositories.metallb! },",
        "  releases: streamforge.releases.filter((r) => keep.has(r.name)),",
        "  environments: [home],",
        "};",
        "export default platform;",
      ].join("\n"),
    );
    const run = node([bin, "gen", "--model", "my-platform.ts", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^wrote \d+, removed 0, unchanged 0\n$/);
    expect(readFileSync(join(work, "out/helmfile.yaml.gotmpl"), "utf8")).toContain("name: metallb-pools");
    // dist/cli/main.js, the ES module beside the bin, runs the same CLI.
    const full = node([join(pkg, "dist/cli/main.js"), "gen", "--out", join(work, "full")]);
    expect(full.status).toBe(0);
    expect(readFileSync(join(work, "full/helmfile.yaml.gotmpl"), "utf8")).toBe(readFileSync(join(ROOT, "helmfile.yaml.gotmpl"), "utf8"));
  });

  it("compiles its CLI with the code cache made when it was packed: V8 accepts it for the source the bin compiles", () => {
    expect(cacheRejected(join(pkg, "dist/cli"), "main.cjs")).toBe(false);
  });
});

describe("examples/service-repo, installed from the packed tarball", () => {
  let repo: string;
  const run = (args: string[]) => spawnSync(process.execPath, [join(repo, "node_modules/.bin/streamforge"), ...args], { cwd: repo, encoding: "utf8" });

  beforeAll(() => {
    repo = join(tempDir("streamforge-service-repo-"), "service-repo");
    cpSync(join(ROOT, "examples/service-repo"), repo, { recursive: true, filter: (src) => !src.includes("node_modules") });
    const manifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    // The example depends on the tarball `npm pack` writes at the repository root.
    expect(manifest.dependencies["@streamforge/platform"]).toBe(`file:../../${basename(packOnce().tarball)}`);
    installPacked(repo);
  }, 240_000);

  it("type-checks strictly (its own tsconfig: noUncheckedIndexedAccess, exactOptionalPropertyTypes, no skipLibCheck)", () => {
    const config = JSON.parse(readFileSync(join(repo, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
    expect(config.compilerOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, skipLibCheck: false });
    expect(() => tsc(repo, ["-p", "tsconfig.json"])).not.toThrow();
  });

  it("its committed generated files are what service.ts generates (gen --check), and they lint clean", () => {
    const check = run(["gen", "--check", "--model", "service.ts"]);
    expect(check.stderr).toBe("");
    expect(check.stdout).toMatch(/^in sync: \d+ files match\n$/);
    const lint = run(["lint", "--model", "service.ts"]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  });

  it("its platform.ts adds a release the package does not know (podinfo, typed adapter, own schema): committed files in sync, lint clean", () => {
    const check = run(["gen", "--check", "--model", "platform.ts", "--out", "platform"]);
    expect(check.stderr).toBe("");
    expect(check.stdout).toBe("in sync: 25 files match the model\n");
    expect(readFileSync(join(repo, "platform/values/prod/podinfo.yaml"), "utf8")).toMatch(/^# Generated by `npm run gen:platform` .*\nreplicaCount: 2\n/);
    const lint = run(["lint", "--model", "platform.ts", "--out", "platform", "--format", "json"]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    expect((JSON.parse(lint.stdout) as Array<{ severity: string }>).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("lint checks its podinfo values against the repository's own schema: file, path and what was expected", () => {
    const file = join(repo, "platform/values/prod/podinfo.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("replicaCount: 2", "replicaCount: two"));
    try {
      const lint = run(["lint", "--model", "platform.ts", "--out", "platform", "--format", "json"]);
      expect(lint.status).toBe(1);
      const values = (JSON.parse(lint.stdout) as Array<{ rule: string; file: string; pointer?: string; message: string }>).filter((d) => d.rule === "schema/values");
      expect(values).toEqual([expect.objectContaining({ file: "values/prod/podinfo.yaml", pointer: "/replicaCount", message: '/replicaCount must be integer (got "two") (chart podinfo 6.9.1, schema schemas/podinfo-6.9.1.schema.json)' })]);
    } finally {
      writeFileSync(file, original);
    }
  });

  it("refuses an adapter named like one of the package's, naming the release and the model file, and writes nothing", () => {
    const model = join(repo, "platform.ts");
    const original = readFileSync(model, "utf8");
    writeFileSync(join(repo, "clash.ts"), original.replace('name: "podinfo",\n  values:', 'name: "metallb",\n  values:'));
    const run2 = run(["gen", "--model", "clash.ts", "--out", "clash"]);
    expect(run2.status).not.toBe(0);
    expect(run2.stderr).toContain('clash.ts: /releases/4/adapter: the platform\'s own adapter "metallb" is also an adapter of @streamforge/platform; release(s) "metallb", "podinfo" name it');
    expect(existsSync(join(repo, "clash"))).toBe(false);
  });

  it("lint catches a hand edit of its ScaledObject: drift, and the KEDA CRD schema", () => {
    const file = join(repo, "deploy/prod/orders.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("authenticationRef:", "authRef:"));
    try {
      const lint = run(["lint", "--model", "service.ts", "--format", "json"]);
      expect(lint.status).toBe(1);
      const found = (JSON.parse(lint.stdout) as Array<{ rule: string; file: string; pointer?: string }>).map((d) => [d.rule, d.file, d.pointer ?? ""]);
      expect(found).toEqual(expect.arrayContaining([["drift/out-of-date", "deploy/prod/orders.yaml", ""], ["schema/crd", "deploy/prod/orders.yaml", "/spec/triggers/0/authRef"]]));
    } finally {
      writeFileSync(file, original);
    }
  });
});
