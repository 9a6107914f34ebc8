/**
 * `streamforge outdated` against a real HTTP server on 127.0.0.1 that serves Helm repository
 * indexes built in the test: good, slow, missing and malformed repositories.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { stringify } from "yaml";
import { cli } from "../support/cli.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { compareVersions } from "../../src/versions/outdated.ts";
import { serveRegistry } from "../support/oci-registry.ts";

const MINI = "test/fixtures/models/mini.ts";

function index(charts: Record<string, Array<{ version: string; kubeVersion?: string }>>): string {
  return stringify({ apiVersion: "v1", entries: charts, generated: "2025-08-24T00:00:00Z" });
}

/** What each path of the test server answers. */
const routes: Record<string, (res: import("node:http").ServerResponse) => void> = {};
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ""];
    if (route) route(res);
    else {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ok = (body: string) => (res: import("node:http").ServerResponse) => {
    res.writeHead(200, { "content-type": "application/x-yaml" });
    res.end(body);
  };
  routes["/metallb/index.yaml"] = ok(
    index({
      metallb: [
        { version: "1.0.0", kubeVersion: ">= 1.33.0-0" },
        { version: "0.15.2", kubeVersion: ">= 1.19.0-0" },
        { version: "0.14.10", kubeVersion: ">= 1.19.0-0" },
        { version: "0.14.9", kubeVersion: ">= 1.19.0-0" },
        { version: "0.16.0-rc.1" },
      ],
    }),
  );
  routes["/jetstack/index.yaml"] = ok(index({ "cert-manager": [{ version: "v1.18.3" }, { version: "v1.18.2" }, { version: "v1.17.4" }] }));
  routes["/jetstack-current/index.yaml"] = ok(index({ "cert-manager": [{ version: "v1.18.2" }] }));
  routes["/metallb-current/index.yaml"] = ok(index({ metallb: [{ version: "0.14.9" }] }));
  routes["/slow/index.yaml"] = () => {
    // never answers: the client's timeout must fire
  };
  routes["/malformed/index.yaml"] = ok("entries: [unclosed\n  - : :\n");
  routes["/noentries/index.yaml"] = ok("apiVersion: v1\n");
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const repoArgs = (metallb: string, jetstack: string) => ["--repo-url", `metallb=${base}/${metallb}`, "--repo-url", `jetstack=${base}/${jetstack}`];

describe("streamforge outdated", () => {
  it("prints current, latest patch, minor, major and the newest version the cluster accepts", async () => {
    const result = await cli(["outdated", "--model", MINI, ...repoArgs("metallb", "jetstack")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^release +env +current +patch +minor +major +newest for cluster$/);
    expect(lines).toContainEqual(expect.stringMatching(/^metallb +home +0\.14\.9 +0\.14\.10 +0\.15\.2 +1\.0\.0 +0\.15\.2$/));
    expect(lines).toContainEqual(expect.stringMatching(/^cert-manager +home +v1\.18\.2 +v1\.18\.3 +- +- +v1\.18\.3$/));
  });

  it("--format json gives the same report as data", async () => {
    const result = await cli(["outdated", "--model", MINI, "--format", "json", ...repoArgs("metallb", "jetstack")]);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.rows.find((r: { release: string }) => r.release === "metallb")).toEqual({
      release: "metallb",
      env: "home",
      chart: "metallb",
      repository: "metallb",
      current: "0.14.9",
      latestPatch: "0.14.10",
      latestMinor: "0.15.2",
      latestMajor: "1.0.0",
      newestCompatible: "0.15.2",
      update: "major",
    });
  });

  it("--fail-on minor|major exits 1 only when such an update exists", async () => {
    expect((await cli(["outdated", "--model", MINI, "--fail-on", "major", ...repoArgs("metallb", "jetstack")])).code).toBe(1);
    expect((await cli(["outdated", "--model", MINI, "--fail-on", "minor", ...repoArgs("metallb-current", "jetstack")])).code).toBe(0);
    expect((await cli(["outdated", "--model", MINI, "--fail-on", "minor", ...repoArgs("metallb-current", "jetstack-current")])).code).toBe(0);
    expect((await cli(["outdated", "--model", MINI, "--fail-on", "minor", ...repoArgs("metallb", "jetstack-current")])).code).toBe(1);
  });

  it("a slow repository times out with a clear error naming it, after the retries", async () => {
    const result = await cli(["outdated", "--model", MINI, "--timeout", "200", "--retries", "1", ...repoArgs("slow", "jetstack")]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`metallb: ${base}/slow/index.yaml: no answer within 200 ms (after 2 attempts)\ncould not check 1 of 2 repositories (metallb): their releases are not in the table\n`);
    expect(result.stdout).toMatch(/^cert-manager +home/m);
  });

  it("a 404, a malformed index and an index without the chart each get their own error, never a stack trace", async () => {
    const missing = await cli(["outdated", "--model", MINI, ...repoArgs("nowhere", "jetstack")]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(new RegExp(`^metallb: ${base}/nowhere/index.yaml: HTTP 404 Not Found\n`));
    const malformed = await cli(["outdated", "--model", MINI, ...repoArgs("malformed", "jetstack")]);
    expect(malformed.stderr).toMatch(/^metallb: .*\/malformed\/index\.yaml: index\.yaml is not valid YAML/);
    const empty = await cli(["outdated", "--model", MINI, ...repoArgs("noentries", "jetstack")]);
    expect(empty.stderr).toMatch(/^metallb: .*\/noentries\/index\.yaml: metallb: index\.yaml has no `entries` map\n/);
    for (const r of [missing, malformed, empty]) expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("no network: a refused connection is an error per repository", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const dead = `http://127.0.0.1:${port}`;
    const result = await cli(["outdated", "--model", MINI, "--retries", "0", "--repo-url", `metallb=${dead}/x`, "--repo-url", `jetstack=${dead}/y`]);
    expect(result.code).toBe(3);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `jetstack: ${dead}/y/index.yaml: cannot connect (ECONNREFUSED) (after 1 attempt)`,
      `metallb: ${dead}/x/index.yaml: cannot connect (ECONNREFUSED) (after 1 attempt)`,
      "could not check 2 of 2 repositories (jetstack, metallb): their releases are not in the table",
    ]);
  });

  it("reads a file:// repository; \"could not check\" (3) wins over \"outdated found\" (1)", async () => {
    const dir = (await import("../support/cli.ts")).tempDir();
    (await import("node:fs")).writeFileSync(`${dir}/index.yaml`, index({ "cert-manager": [{ version: "v1.19.0" }, { version: "v1.18.2" }] }));
    const found = await cli(["outdated", "--model", MINI, "--fail-on", "minor", ...repoArgs("metallb-current", "x"), "--repo-url", `jetstack=file://${dir}`]);
    expect(found.stdout).toMatch(/^cert-manager +home +v1\.18\.2 +- +v1\.19\.0/m);
    expect(found.code).toBe(1);
    const unchecked = await cli(["outdated", "--model", MINI, "--fail-on", "minor", ...repoArgs("nowhere", "x"), "--repo-url", `jetstack=file://${dir}`]);
    expect(unchecked.code).toBe(3);
    const absent = await cli(["outdated", "--model", MINI, ...repoArgs("metallb-current", "x"), "--repo-url", `jetstack=file://${dir}/none`]);
    expect(absent.stderr).toContain(`jetstack: file://${dir}/none/index.yaml: cannot read (ENOENT)`);
    expect(absent.code).toBe(3);
  });

  it("lists every chart release of every environment of the embedded model", async () => {
    const aliases = Object.keys(streamforge.repositories);
    for (const alias of aliases) {
      const charts: Record<string, Array<{ version: string }>> = {};
      for (const r of streamforge.releases) {
        if (r.chart !== "local" && r.chart.repo === alias) charts[r.chart.name] = streamforge.environments.map((e) => ({ version: e.versions[r.name]! }));
      }
      routes[`/all/${alias}/index.yaml`] = (res) => {
        res.writeHead(200);
        res.end(index(charts));
      };
    }
    const result = await cli(["outdated", "--format", "json", ...aliases.flatMap((a) => ["--repo-url", `${a}=${base}/all/${a}`])]);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toEqual([]);
    const fromGit = (r: (typeof streamforge.releases)[number]) => r.chart !== "local" && streamforge.gitRepositories?.[r.chart.repo] !== undefined;
    const expected = streamforge.environments.flatMap((e) =>
      streamforge.releases.filter((r) => r.chart !== "local" && !e.disabled.includes(r.name) && !fromGit(r)).map((r) => `${r.name}@${e.name}`),
    );
    expect(report.rows.map((r: { release: string; env: string }) => `${r.release}@${r.env}`).sort()).toEqual(expected.sort());
    expect(report.skipped.map((r: { release: string; env: string }) => `${r.release}@${r.env}`)).toEqual(["piraeus-operator@prod", "piraeus-operator@lab"]);
    expect(result.code).toBe(0);
  });

  it("reads an OCI registry's tag list (_ read back as +); it cannot say which versions the cluster accepts", async () => {
    const registry = await serveRegistry();
    try {
      registry.tag("charts/metallb", "0.14.9", "0.14.10_build.1", "0.15.0", "1.0.0-rc.1", "latest", "sha256-abc.sig");
      const args = ["outdated", "--model", MINI, "--repo-url", `metallb=${registry.url}/charts`, "--repo-url", `jetstack=${base}/jetstack`];
      const text = await cli(args);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^metallb +home +0\.14\.9 +0\.14\.10\+build\.1 +0\.15\.0 +- +\?$/m);
      const json = JSON.parse((await cli([...args, "--format", "json"])).stdout);
      expect(json.rows.find((r: { release: string }) => r.release === "metallb")).toEqual({
        release: "metallb",
        env: "home",
        chart: "metallb",
        repository: "metallb",
        current: "0.14.9",
        latestPatch: "0.14.10+build.1",
        latestMinor: "0.15.0",
        update: "minor",
        kubeVersionUnknown: true,
      });
      // A registry path without the chart: "could not check" (3), one line naming the reference.
      const missing = await cli(["outdated", "--model", MINI, "--repo-url", `metallb=${registry.url}/other`, "--repo-url", `jetstack=${base}/jetstack`]);
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain(`metallb: ${registry.url}/other/metallb: no such repository (NAME_UNKNOWN)\n`);
    } finally {
      await registry.close();
    }
  });

  it("usage errors exit 2", async () => {
    expect((await cli(["outdated", "--fail-on", "patch"])).code).toBe(2);
    expect((await cli(["outdated", "--format", "xml"])).code).toBe(2);
    expect((await cli(["outdated", "--repo-url", "nourl"])).code).toBe(2);
  });
});

describe("compareVersions", () => {
  it("keeps the chart's own version spelling and skips pre-releases", () => {
    const row = compareVersions("v24.9.2", [{ version: "v24.9.3" }, { version: "v25.3.0" }, { version: "v25.10.0-rc.1" }], "1.32.5");
    expect(row).toMatchObject({ latestPatch: "v24.9.3", latestMinor: undefined, latestMajor: "v25.3.0", newestCompatible: "v25.3.0", update: "major" });
  });
});
