/**
 * `pull` of a chart kept in an OCI registry (`oci://`), against a registry on 127.0.0.1 that the
 * test builds with charts it packs itself: the manifest of the version's tag, the chart layer's
 * blob checked against its digest, the manifest digest recorded in and checked against the lock,
 * the anonymous token flow, and one clear line for each way it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles, tempDir } from "../support/cli.ts";
import { serveRegistry, type PushedChart, type TestRegistry } from "../support/oci-registry.ts";
import { pull } from "../../src/upstream/pull.ts";
import { bearerChallenge, chartRepository, OciClient, OciError, ociTag, versionOfTag } from "../../src/upstream/oci.ts";
import { lockText, parseLock, type PinnedSource } from "../../src/upstream/lock.ts";

const FAST = { timeoutMs: 2000, retries: 1, backoffMs: 10 };

const chart = (name: string, version: string) => ({
  name,
  version,
  files: { "values.yaml": "replicas: 1\n", "values.schema.json": '{"type":"object"}', "templates/deploy.yaml": "kind: Deployment\n", "crds/a.yaml": "kind: CustomResourceDefinition\n" },
});

let registry: TestRegistry;
let podinfo: PushedChart;
let repository: string;

beforeAll(async () => {
  registry = await serveRegistry();
  repository = `${registry.url}/charts`;
  podinfo = await registry.push("charts", chart("podinfo", "6.9.0"));
});
afterAll(() => registry.close());

const source = (version: string, chartName = "podinfo", repo = repository): PinnedSource => ({ release: chartName, chart: chartName, version, entry: { repository: repo } });

describe("OCI references as Helm writes them", () => {
  it("a version's + becomes _ in its tag, and back", () => {
    expect(ociTag("1.2.3+build.4")).toBe("1.2.3_build.4");
    expect(versionOfTag("1.2.3_build.4")).toBe("1.2.3+build.4");
  });

  it("the chart's repository is the registry path plus the chart name", () => {
    expect(chartRepository("oci://ghcr.io/org/charts/", "podinfo")).toEqual({ registry: "ghcr.io", repository: "org/charts/podinfo" });
    expect(chartRepository("oci://localhost:5000", "podinfo")).toEqual({ registry: "localhost:5000", repository: "podinfo" });
  });

  it("a registry URL with a tag or uppercase path is refused with what was expected", () => {
    expect(() => chartRepository("oci://ghcr.io/org/charts:1.0", "podinfo")).toThrow(/expected oci:\/\/<registry host>\[:port\]\/<path>/);
    expect(() => chartRepository("oci://ghcr.io/Org/charts", "podinfo")).toThrow(OciError);
  });

  it("reads a bearer challenge's realm, service and scope", () => {
    expect(bearerChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"')).toEqual({
      realm: "https://auth.docker.io/token",
      service: "registry.docker.io",
      scope: "repository:a/b:pull",
    });
    expect(bearerChallenge('Basic realm="x"')).toBeUndefined();
  });
});

describe("pull from an OCI registry", () => {
  it("fetches manifest and chart layer, unpacks what derivations read, records manifest and chart digests", async () => {
    const cache = tempDir();
    const result = await pull([source("6.9.0")], { cache, lock: {}, fetch: FAST });
    expect(result.failed).toEqual([]);
    expect(result.pulled).toEqual([{ chart: "podinfo", version: "6.9.0", from: `${repository}/podinfo:6.9.0` }]);
    expect(listFiles(join(cache, "charts/podinfo/6.9.0"))).toEqual(["Chart.yaml", "crds/a.yaml", "values.schema.json", "values.yaml"]);
    const entry = { repository, url: `${repository}/podinfo:6.9.0`, digest: podinfo.manifestDigest, chartDigest: podinfo.chartDigest };
    expect(result.lock.podinfo!["6.9.0"]).toEqual(entry);
    // The lock file keeps the entry as written.
    expect(parseLock(lockText(result.lock)).podinfo!["6.9.0"]).toEqual(entry);
  });

  it("pulls a version with build metadata from the tag Helm pushed it under", async () => {
    await registry.push("charts", chart("podinfo", "6.9.1+build.2"));
    const result = await pull([source("6.9.1+build.2")], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(result.failed).toEqual([]);
    expect(result.lock.podinfo!["6.9.1+build.2"]!).toMatchObject({ url: `${repository}/podinfo:6.9.1_build.2` });
  });

  it("refuses a manifest whose digest differs from the lock file, and caches nothing", async () => {
    const cache = tempDir();
    const lock = { podinfo: { "6.9.0": { repository, digest: `sha256:${"0".repeat(64)}` } } };
    const result = await pull([source("6.9.0")], { cache, lock, fetch: FAST });
    expect(result.failed.map((f) => f.reason)).toEqual([`${repository}/podinfo:6.9.0: the manifest's ${podinfo.manifestDigest} differs from sha256:${"0".repeat(64)} in the lock file`]);
    expect(listFiles(cache)).toEqual([]);
  });

  it("refuses a blob whose bytes do not have the layer's digest", async () => {
    const other = await registry.push("tampered", chart("podinfo", "6.9.0"), { servedBlob: Buffer.from("not the chart") });
    const result = await pull([source("6.9.0", "podinfo", `${registry.url}/tampered`)], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.reason).toMatch(new RegExp(`^oci://127\\.0\\.0\\.1:\\d+/tampered/podinfo:6\\.9\\.0: digest mismatch: the blob served for ${other.chartDigest} has sha256:[0-9a-f]{64}$`));
  });

  it("a tag the registry lacks is one clear failure naming the reference", async () => {
    const result = await pull([source("9.9.9")], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(result.failed).toEqual([{ chart: "podinfo", version: "9.9.9", source: repository, reason: `${repository}/podinfo:9.9.9: no such tag (MANIFEST_UNKNOWN)` }]);
  });

  it("an artifact that is not a Helm chart is refused by media type", async () => {
    await registry.push("images", chart("podinfo", "6.9.0"), { layerMediaType: "application/vnd.oci.image.layer.v1.tar+gzip" });
    await registry.push("configs", chart("podinfo", "6.9.0"), { configMediaType: "application/vnd.oci.image.config.v1+json" });
    const layer = await pull([source("6.9.0", "podinfo", `${registry.url}/images`)], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(layer.failed[0]!.reason).toMatch(/: wrong media type: no layer is application\/vnd\.cncf\.helm\.chart\.content\.v1\.tar\+gzip \(layers: application\/vnd\.oci\.image\.layer\.v1\.tar\+gzip\)$/);
    const config = await pull([source("6.9.0", "podinfo", `${registry.url}/configs`)], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(config.failed[0]!.reason).toMatch(/: wrong media type: the config is application\/vnd\.oci\.image\.config\.v1\+json, not application\/vnd\.cncf\.helm\.config\.v1\+json: not a Helm chart$/);
  });

  it("a --from archive of an OCI chart is checked against the chart digest the lock recorded", async () => {
    const file = join(tempDir(), "podinfo-6.9.0.tgz");
    writeFileSync(file, podinfo.archive);
    const ok = await pull([source("6.9.0")], { cache: tempDir(), from: file, lock: { podinfo: { "6.9.0": { repository, digest: podinfo.manifestDigest, chartDigest: podinfo.chartDigest } } }, fetch: FAST });
    expect(ok.failed).toEqual([]);
    const wrong = await pull([source("6.9.0")], { cache: tempDir(), from: file, lock: { podinfo: { "6.9.0": { repository, chartDigest: `sha256:${"1".repeat(64)}` } } }, fetch: FAST });
    expect(wrong.failed[0]!.reason).toMatch(/differs from sha256:1{64} in the lock file$/);
  });

  it("a mirror of another kind than the repository is refused: the lock's digests would not compare", async () => {
    const helm: PinnedSource = { ...source("6.9.0"), entry: { repository: "https://charts.example.org" }, mirror: repository };
    const result = await pull([helm], { cache: tempDir(), lock: {}, fetch: FAST });
    expect(result.failed[0]!.reason).toBe(`mirror ${repository} is an OCI registry, but https://charts.example.org is a Helm repository`);
  });
});

describe("pull from an OCI registry that wants a token", () => {
  it("answers the 401's bearer challenge with an anonymous token for the chart's scope, once per repository", async () => {
    registry.auth({});
    try {
      const before = registry.tokenRequests.length;
      const result = await pull([source("6.9.0"), source("6.9.1+build.2")], { cache: tempDir(), lock: {}, fetch: FAST });
      expect(result.failed).toEqual([]);
      const asked = registry.tokenRequests.slice(before).map((q) => `${q.get("service")} ${q.get("scope")}`);
      expect(asked).toEqual(["test-registry repository:charts/podinfo:pull"]);
    } finally {
      registry.auth(false);
    }
  });

  it("takes the token from access_token when the service names it so", async () => {
    registry.auth({ field: "access_token" });
    try {
      expect((await pull([source("6.9.0")], { cache: tempDir(), lock: {}, fetch: FAST })).failed).toEqual([]);
    } finally {
      registry.auth(false);
    }
  });

  it("a token service that refuses is one line saying so", async () => {
    registry.auth({ refuse: true });
    try {
      const cache = tempDir();
      const result = await pull([source("6.9.0")], { cache, lock: {}, fetch: FAST });
      expect(result.failed[0]!.reason).toMatch(/^oci:\/\/127\.0\.0\.1:\d+\/charts\/podinfo:6\.9\.0: the token service http:\/\/127\.0\.0\.1:\d+\/token refused an anonymous token \(HTTP 401\); pull takes no credentials$/);
      expect(existsSync(join(cache, "charts"))).toBe(false);
    } finally {
      registry.auth(false);
    }
  });
});

describe("OCI tag lists", () => {
  it("follows the Link header's pages", async () => {
    registry.tag("charts/paged", "1.0.0", "1.1.0", "2.0.0", "2.0.1_b", "latest");
    registry.pageSize = 2;
    try {
      const client = new OciClient(FAST);
      expect(await client.tags({ registry: registry.url.slice("oci://".length), repository: "charts/paged" })).toEqual(["1.0.0", "1.1.0", "2.0.0", "2.0.1_b", "latest"]);
      expect(registry.hits.get("/v2/charts/paged/tags/list")).toBe(3);
    } finally {
      registry.pageSize = Infinity;
    }
  });

  it("a repository the registry lacks is a clear error", async () => {
    const client = new OciClient(FAST);
    await expect(client.tags({ registry: registry.url.slice("oci://".length), repository: "charts/none" })).rejects.toThrow(/charts\/none: no such repository \(NAME_UNKNOWN\)$/);
  });
});
