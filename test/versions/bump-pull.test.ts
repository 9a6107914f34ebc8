/**
 * `bump` that pulls the new version itself from a Helm repository on 127.0.0.1 (no --values):
 * the schema derived the one way `schema:charts` derives it (the reviewed overrides applied),
 * the adapters' types moved, the lock recording the digest, and a description of what changed
 * upstream; a new version that rejects a key the platform sets leaves the tree byte-identical.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { listFiles, repositoryCli, tempDir } from "../support/cli.ts";
import { publish, serve, sha256Hex, type TestRepo } from "../support/helm-repo.ts";
import { OWNED_LIST_PATH, parseOwnedList } from "../../src/core/write/owned.ts";
import { parseLock } from "../../src/upstream/lock.ts";
import { platformValues, withOverridePointers } from "../support/chart-fixtures.ts";

const ROOT = resolve(import.meta.dirname, "../..");

function copyRepository(): string {
  const dir = tempDir("streamforge-repo-");
  const owned = parseOwnedList(readFileSync(join(ROOT, OWNED_LIST_PATH), "utf8"));
  for (const entry of ["src", "schema", "package.json", "tsconfig.json", "versions.yaml", "versions.lock.yaml", OWNED_LIST_PATH, ...owned]) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function contents(dir: string): Map<string, string> {
  return new Map(listFiles(dir).filter((p) => !p.startsWith("node_modules") && !p.startsWith(".streamforge/cache/")).map((p) => [p, readFileSync(join(dir, p), "utf8")]));
}

/**
 * Traefik defaults with every key the platform sets, but not its TCP entry points (`ports.ssh`,
 * `ports.kafka`): only the reviewed override (`/ports` is a map of entry points) admits those.
 * The override's free-form pointers exist, as in the real chart.
 */
function traefikDefaults(): Record<string, any> {
  const values = platformValues("traefik");
  // The chart's own entry points have the fields the TCP ones use (expose, exposedPort, protocol).
  values.ports.web = { ...values.ports.ssh, ...values.ports.web };
  delete values.ports.ssh;
  delete values.ports.kafka;
  return withOverridePointers("traefik", values);
}

let repo: TestRepo;
let archives: Record<string, Buffer>;
beforeAll(async () => {
  repo = await serve();
  const { stringify } = await import("yaml");
  // The platform's own values differ per environment (prod 2 replicas, lab 1): the upstream
  // defaults are set here explicitly, so that the change between the versions is known.
  const v0 = { ...traefikDefaults(), deployment: { ...traefikDefaults().deployment, replicas: 2 } };
  const v1 = { ...traefikDefaults(), deployment: { ...traefikDefaults().deployment, replicas: 1 } };
  const v2 = traefikDefaults();
  v2.podDisruptionBudget = { enabled: true, maxUnavailablePods: 1 };
  archives = await publish(repo, "/charts", [
    { name: "traefik", version: "36.1.0", files: { "values.yaml": stringify(v0), "Chart.yaml": 'apiVersion: v2\nname: traefik\nversion: 36.1.0\nkubeVersion: ">=1.22.0-0"\n' } },
    { name: "traefik", version: "36.1.1", files: { "values.yaml": stringify(v1), "Chart.yaml": 'apiVersion: v2\nname: traefik\nversion: 36.1.1\nkubeVersion: ">=1.23.0-0"\n' } },
    { name: "traefik", version: "36.1.2", files: { "values.yaml": stringify(v2) } },
  ]);
});
afterAll(() => repo.close());

describe("streamforge bump from a Helm repository", { timeout: 300_000 }, () => {
  it("bump traefik 36.1.1 pulls it, applies the overrides, moves the types and describes the upstream change", async () => {
    const dir = copyRepository();
    const result = await repositoryCli(dir, ["bump", "traefik", "36.1.1", "--repo-url", `traefik=${repo.url}/charts`]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // The reviewed override admits the TCP entry points the defaults lack.
    const schema = JSON.parse(readFileSync(join(dir, "schema/charts/traefik/36.1.1.schema.json"), "utf8"));
    expect(schema.$comment).toContain("npm run schema:charts");
    expect(schema.properties.ports.additionalProperties).toBeTruthy();
    expect(readFileSync(join(dir, "src/helm/charts/types/traefik.ts"), "utf8")).toContain("traefik 36.1.1");
    expect(parse(readFileSync(join(dir, "versions.yaml"), "utf8")).charts.traefik).toMatchObject({ version: "36.1.1", kubeVersion: ">=1.23.0-0" });
    expect(parseLock(readFileSync(join(dir, "versions.lock.yaml"), "utf8")).traefik!["36.1.1"]).toEqual({ repository: "https://traefik.github.io/charts", digest: `sha256:${sha256Hex(archives["traefik@36.1.1"]!)}` });
    expect(result.stdout).toContain("### Upstream changes of traefik 36.1.0 -> 36.1.1");
    // Both versions were read from the cache `pull` filled: the old one from its own archive.
    expect(result.stdout).toContain("- `deployment.replicas`: default `2` -> `1`");
    expect(result.stdout).toContain("kubeVersion: `>=1.22.0-0` -> `>=1.23.0-0`");
    for (const file of ["versions.yaml", "versions.lock.yaml", "schema/charts/traefik/36.1.1.schema.json", "src/helm/charts/types/traefik.ts", "environments/prod.yaml"]) expect(result.stdout).toContain(`- \`${file}\``);
    expect((await repositoryCli(dir, ["gen", "--check"])).code).toBe(0);
  });

  it("a new version whose schema rejects a key the platform sets fails, says what moved, and leaves the tree byte-identical", async () => {
    const dir = copyRepository();
    const before = contents(dir);
    const result = await repositoryCli(dir, ["bump", "traefik", "36.1.2", "--repo-url", `traefik=${repo.url}/charts`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("lint fails after the change, so the tree was restored as it was");
    expect(result.stdout).toContain("- `podDisruptionBudget.maxUnavailable` is gone from the defaults; new beside it: `podDisruptionBudget.maxUnavailablePods` (renamed?)");
    expect(contents(dir)).toEqual(before);
  });
});
