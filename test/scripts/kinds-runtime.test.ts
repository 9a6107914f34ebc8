/**
 * The bundled CLI carries kubernetes-models' libraries for its prebundled kinds
 * (`src/core/lint/kinds-runtime.ts`, bundled by scripts/build-time.mjs): a `lint` of the default
 * model reads nothing of node_modules, and a kind the bundle does not carry still loads from
 * node_modules, sharing the bundle's copy of the libraries. Each run is the built bundle in a node
 * process of its own, with a `--require` hook that records every module node loaded and every file
 * read through `fs.readFileSync` (how node's CommonJS loader and the bundle read code).
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { sourceHash } from "../../scripts/bundle-hash.mjs";
import { yamlFile } from "../../src/core/yaml.ts";
import { tempDir } from "../support/cli.ts";

const root = resolve(import.meta.dirname, "../..");

/** The current bundle's folder, built if the sources changed. */
function bundle(): string {
  execFileSync(process.execPath, [join(root, "scripts/cli.mjs"), "--build"], { cwd: root, stdio: "ignore" });
  return join(root, ".build", `cli-${sourceHash(root, join(root, ".build"))}`);
}

const HOOK = `
const fs = require("node:fs");
const readFileSync = fs.readFileSync;
const read = new Set();
fs.readFileSync = function (path, ...rest) {
  if (typeof path === "string") read.add(path);
  return readFileSync.call(this, path, ...rest);
};
process.on("exit", () => fs.writeFileSync(process.env.SF_LOADS, JSON.stringify({ modules: Object.keys(require.cache), read: [...read] })));
`;

interface Run {
  status: number | null;
  stdout: string;
  /** node_modules paths (from node_modules/ on) of the modules node loaded and the files read. */
  modules: string[];
  read: string[];
  /** Prebundled kind files read. */
  kinds: string[];
}

/** `lint --format json` by the bundle in `bundleDir`, with the recording hook. */
function lint(bundleDir: string, args: string[]): Run {
  const dir = tempDir();
  const hook = join(dir, "hook.cjs");
  writeFileSync(hook, HOOK);
  const loads = join(dir, "loads.json");
  const run = spawnSync(process.execPath, ["--require", hook, join(bundleDir, "main.js"), "lint", "--format", "json", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", SF_LOADS: loads } });
  const recorded = JSON.parse(readFileSync(loads, "utf8")) as { modules: string[]; read: string[] };
  const inNodeModules = (files: string[]) => files.filter((f) => f.includes("/node_modules/")).map((f) => f.slice(f.indexOf("/node_modules/") + 1));
  return { status: run.status, stdout: run.stdout, modules: inNodeModules(recorded.modules), read: inNodeModules(recorded.read), kinds: recorded.read.filter((f) => f.startsWith(join(bundleDir, "kinds") + "/")) };
}

/** Applies `mutate` to the first document of a YAML file. */
function edit(file: string, mutate: (document: Record<string, any>) => void): void {
  const documents = parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1" }).map((d) => d.toJS() as Record<string, unknown>);
  mutate(documents[0]!);
  writeFileSync(file, yamlFile(...documents));
}

describe("the bundle's kubernetes-models libraries", () => {
  it("are all a default lint needs: nothing of node_modules is loaded or read, though the prebundled kinds are", () => {
    const run = lint(bundle(), []);
    expect(run.status).toBe(0);
    expect(run.kinds.length).toBeGreaterThan(5);
    expect(run.modules).toEqual([]);
    expect(run.read).toEqual([]);
  }, 120_000);

  it("give broken objects the findings the sources give, and are shared with a kind loaded from node_modules", () => {
    const dir = bundle();
    const tree = tempDir();
    execFileSync(process.execPath, [join(dir, "main.js"), "gen", "--out", tree], { cwd: root, stdio: "ignore", env: { ...process.env, NODE_OPTIONS: "" } });
    const prod = join(tree, "manifests/prod");
    edit(join(prod, "postgres-cluster/job-postgres-streamforge-pg-grants-6f4cd583.yaml"), (job) => (job.spec = { completions: "2" }));
    edit(join(prod, "elasticsearch-setup/secret-elastic-system-eck-trial-license.yaml"), (secret) => (secret.data = { license: "not base64!" }));
    edit(join(prod, "gitlab-runner-jobs/persistentvolumeclaim-gitlab-runner-runner-home.yaml"), (pvc) => (pvc.spec.resources = { requests: { storage: "lots" } }));
    edit(join(prod, "gateway-routes/endpointslice-traefik-gitlab-ssh.yaml"), (slice) => (slice.ports = [{ port: 2 ** 40, protocl: "TCP" }]));
    // A kind the bundle does not carry: kubernetes-models' own module, from node_modules.
    writeFileSync(join(prod, "gateway-routes/pod-extra.yaml"), yamlFile({ apiVersion: "v1", kind: "Pod", metadata: { name: "extra", namespace: "traefik", creationTimestamp: "yesterday" }, spec: { containers: [{ name: "c", ports: [{ containerPort: "80" }] }] } }));

    const bundled = lint(dir, ["--out", tree]);
    const sources = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "lint", "--format", "json", "--out", tree], { cwd: root, encoding: "utf8" });
    expect(bundled.status).toBe(sources.status);
    expect(bundled.stdout).toBe(sources.stdout);
    const findings = (JSON.parse(bundled.stdout) as Array<{ rule: string; file: string; message: string }>).filter((d) => d.rule === "schema/manifest");
    for (const file of ["job-postgres", "secret-elastic", "persistentvolumeclaim-gitlab", "endpointslice-traefik", "pod-extra"]) {
      expect(findings.some((d) => d.file.includes(file)), file).toBe(true);
    }
    expect(findings.map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/format "byte"/), expect.stringMatching(/format "quantity"/), expect.stringMatching(/unknown field "protocl"/)]));

    // The Pod's module and schemas came from node_modules; its libraries are the bundle's, handed
    // to node under their own names once their installed versions were read: none of their code was.
    expect(bundled.modules).toContain("node_modules/kubernetes-models/v1/Pod.js");
    expect(bundled.modules.filter((f) => !/^node_modules\/(kubernetes-models|@kubernetes-models\/apimachinery)\//.test(f)).sort()).toEqual([
      "node_modules/@kubernetes-models/base/dist/index.js",
      "node_modules/@kubernetes-models/validate/dist/index.js",
    ]);
    expect(bundled.read.filter((f) => !/^node_modules\/(kubernetes-models|@kubernetes-models\/apimachinery)\//.test(f) && !f.endsWith("/package.json"))).toEqual([]);
  }, 120_000);
});
