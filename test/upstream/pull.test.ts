/**
 * `pull` against a Helm repository on 127.0.0.1 that the test builds: the index, the archive, the
 * digest checks, what is unpacked, retries and failures, git tag archives and `--from`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles, tempDir } from "../support/cli.ts";
import { archive, publish, serve, sha256Hex, type TestRepo } from "../support/helm-repo.ts";
import { pull, isNeededChartFile } from "../../src/upstream/pull.ts";
import { failureLines } from "../../src/cli/commands/pull.ts";
import type { PinnedSource } from "../../src/upstream/lock.ts";

const FAST = { timeoutMs: 2000, retries: 2, backoffMs: 10 };

let repo: TestRepo;
let archives: Record<string, Buffer>;

const metallb = (version: string) => ({
  name: "metallb",
  version,
  files: {
    "values.yaml": "speaker:\n  enabled: true\n",
    "values.schema.json": '{"type":"object"}',
    "templates/deployment.yaml": "kind: Deployment\n",
    "README.md": "docs\n",
    "crds/ipaddresspools.yaml": "kind: CustomResourceDefinition\n",
    "charts/frr-k8s/Chart.yaml": "apiVersion: v2\nname: frr-k8s\nversion: 0.0.16\n",
    "charts/frr-k8s/values.yaml": "frr: {}\n",
    "charts/frr-k8s/templates/x.yaml": "kind: X\n",
  },
});

beforeAll(async () => {
  repo = await serve();
  archives = await publish(repo, "/charts", [metallb("0.14.9"), metallb("0.14.10")]);
});
afterAll(() => repo.close());

const source = (version: string, repository = `${repo.url}/charts`): PinnedSource => ({ release: "metallb", chart: "metallb", version, entry: { repository } });

describe("isNeededChartFile", () => {
  it("keeps Chart.yaml, values, value schemas and CRDs, also of subcharts; never templates", () => {
    expect(["Chart.yaml", "values.yaml", "values.schema.json", "schemas/a.json", "crds/a.yaml", "charts/grafana/values.yaml", "charts/sub.tgz", "charts/a/charts/b/crds/c.yaml"].filter(isNeededChartFile)).toHaveLength(8);
    expect(["templates/a.yaml", "README.md", "charts/grafana/templates/a.yaml", "ci/values.yaml", "schemas/a.yaml"].filter(isNeededChartFile)).toEqual([]);
  });
});

describe("pull from a Helm repository", () => {
  it("fetches index and archive, checks and records the digest, unpacks only what derivations read", async () => {
    const cache = tempDir();
    const result = await pull([source("0.14.9")], { cache, lock: {}, fetch: FAST });
    expect(result.failed).toEqual([]);
    expect(listFiles(join(cache, "charts/metallb/0.14.9"))).toEqual(["Chart.yaml", "charts/frr-k8s/Chart.yaml", "charts/frr-k8s/values.yaml", "crds/ipaddresspools.yaml", "values.schema.json", "values.yaml"]);
    expect(result.lock.metallb!["0.14.9"]).toEqual({ repository: `${repo.url}/charts`, url: `${repo.url}/charts/metallb-0.14.9.tgz`, digest: `sha256:${sha256Hex(archives["metallb@0.14.9"]!)}` });
  });

  it("reads the index once for several versions of one repository", async () => {
    const before = repo.hits.get("/charts/index.yaml") ?? 0;
    const result = await pull([source("0.14.9"), source("0.14.10")], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(result.pulled.map((p) => p.version)).toEqual(["0.14.9", "0.14.10"]);
    expect(repo.hits.get("/charts/index.yaml")! - before).toBe(1);
  });

  it("refuses an archive whose digest differs from the lock file, and caches nothing of it", async () => {
    const cache = tempDir();
    const lock = { metallb: { "0.14.9": { repository: `${repo.url}/charts`, digest: `sha256:${"0".repeat(64)}` } } };
    const result = await pull([source("0.14.9")], { cache, lock, fetch: FAST });
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.reason).toMatch(/differs from sha256:0{64} in the lock file/);
    expect(existsSync(join(cache, "charts/metallb/0.14.9"))).toBe(false);
    expect(listFiles(cache)).toEqual([]);
  });

  it("refuses an archive whose digest differs from the index", async () => {
    const other = await serve();
    try {
      await publish(other, "/r", [{ ...metallb("0.14.9"), digest: "f".repeat(64) }]);
      const result = await pull([source("0.14.9", `${other.url}/r`)], { cache: tempDir(), lock: {}, fetch: FAST });
      expect(result.failed[0]!.reason).toMatch(/differs from the index's digest sha256:f{64}/);
    } finally {
      await other.close();
    }
  });

  it("retries a 503 and succeeds; a version the index lacks is one clear failure", async () => {
    repo.failNext("/charts/metallb-0.14.10.tgz", 2);
    const result = await pull([source("0.14.10"), source("9.9.9")], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(result.pulled.map((p) => p.version)).toEqual(["0.14.10"]);
    expect(result.failed.map((f) => f.reason)).toEqual([`${repo.url}/charts/index.yaml lists no metallb 9.9.9`]);
  });

  it("an unreachable repository gives one line naming it and every chart version it could not give", async () => {
    const closed = await serve();
    const url = `${closed.url}/charts`;
    await closed.close();
    const result = await pull([source("0.14.9", url), source("0.14.10", url)], { cache: tempDir(), lock: {}, fetch: { ...FAST, retries: 1 } });
    const lines = failureLines(result.failed);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${url.replace(/[.:/]/g, "\\$&")}: ${url.replace(/[.:/]/g, "\\$&")}/index.yaml: ECONNREFUSED \\(after 2 attempts\\) \\(metallb 0.14.9, metallb 0.14.10\\)$`));
  });

  it("a file:// repository works like an http one", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "metallb-0.14.9.tgz"), archives["metallb@0.14.9"]!);
    writeFileSync(join(dir, "index.yaml"), `entries:\n  metallb:\n    - version: 0.14.9\n      urls: [metallb-0.14.9.tgz]\n      digest: ${sha256Hex(archives["metallb@0.14.9"]!)}\n`);
    const result = await pull([source("0.14.9", `file://${dir}`)], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(result.failed).toEqual([]);
  });

  it("a lock entry of another repository does not apply: the chart comes from the model's repository, its digest recorded anew", async () => {
    const lock = { metallb: { "0.14.9": { repository: "https://old.example/charts", url: "https://old.example/charts/metallb-0.14.9.tgz", digest: `sha256:${"0".repeat(64)}` } } };
    const result = await pull([source("0.14.9")], { cache: tempDir(), lock, fetch: FAST });
    expect(result.failed).toEqual([]);
    expect(result.lock.metallb!["0.14.9"]).toEqual({ repository: `${repo.url}/charts`, url: `${repo.url}/charts/metallb-0.14.9.tgz`, digest: `sha256:${sha256Hex(archives["metallb@0.14.9"]!)}` });
  });
});

describe("pull of a chart kept in git", () => {
  it("takes the chart's folder from the tag's source archive", async () => {
    repo.put(
      "/piraeusdatastore/piraeus-operator/archive/refs/tags/v2.7.1.tar.gz",
      await archive("piraeus-operator-2.7.1", {
        "charts/piraeus/Chart.yaml": "apiVersion: v2\nname: piraeus\nversion: 2.7.1\n",
        "charts/piraeus/values.yaml": "operator: {}\n",
        "charts/piraeus/templates/a.yaml": "kind: A\n",
        "config/crd/bases/x.yaml": "kind: CustomResourceDefinition\n",
      }),
    );
    const cache = tempDir();
    const git: PinnedSource = { release: "piraeus-operator", chart: "piraeus", version: "2.7.1", entry: { git: `${repo.url}/piraeusdatastore/piraeus-operator.git`, ref: "v2.7.1", path: "charts/piraeus" } };
    const result = await pull([git], { cache, lock: {}, fetch: FAST });
    expect(result.failed).toEqual([]);
    expect(listFiles(join(cache, "charts/piraeus/2.7.1"))).toEqual(["Chart.yaml", "values.yaml"]);
  });
});

describe("pull --from", () => {
  it("unpacks a chart archive offline, checked against the lock's digest", async () => {
    const file = join(tempDir(), "metallb-0.14.9.tgz");
    writeFileSync(file, archives["metallb@0.14.9"]!);
    const cache = tempDir();
    const digest = `sha256:${sha256Hex(archives["metallb@0.14.9"]!)}`;
    const ok = await pull([source("0.14.9")], { cache, from: file, lock: { metallb: { "0.14.9": { repository: `${repo.url}/charts`, digest } } }, fetch: FAST });
    expect(ok.failed).toEqual([]);
    expect(readFileSync(join(cache, "charts/metallb/0.14.9/values.yaml"), "utf8")).toBe("speaker:\n  enabled: true\n");
    const wrong = await pull([source("0.14.10")], { cache, from: file, lock: {}, fetch: FAST });
    expect(wrong.failed[0]!.reason).toMatch(/holds chart metallb 0.14.9, not metallb 0.14.10/);
    const other = await pull([source("0.14.9")], { cache: tempDir(), from: file, lock: { metallb: { "0.14.9": { repository: `${repo.url}/charts`, digest: `sha256:${"e".repeat(64)}` } } }, fetch: FAST });
    expect(other.failed[0]!.reason).toBe(`${file}: ${digest} differs from sha256:${"e".repeat(64)} in the lock file`);
  });

  it("copies a version's folder from a tree laid out as charts/<chart>/<version>/", async () => {
    const tree = tempDir();
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(tree, "charts/metallb/0.14.9/templates"), { recursive: true });
    writeFileSync(join(tree, "charts/metallb/0.14.9/values.yaml"), "a: 1\n");
    writeFileSync(join(tree, "charts/metallb/0.14.9/templates/x.yaml"), "kind: X\n");
    const cache = tempDir();
    const result = await pull([source("0.14.9"), source("0.14.10")], { cache, from: tree, lock: {}, fetch: FAST });
    expect(listFiles(join(cache, "charts/metallb/0.14.9"))).toEqual(["values.yaml"]);
    expect(result.failed.map((f) => `${f.version}: ${f.reason}`)).toEqual(["0.14.10: no charts/metallb/0.14.10/values.yaml, nor a Chart.yaml of metallb 0.14.10"]);
  });
});
