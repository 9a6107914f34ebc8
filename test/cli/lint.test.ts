/**
 * `streamforge lint` end to end: a generated tree on disk, edited by hand, linted through the
 * CLI with each output format and exit code.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";
import { lineOf, testSchemaRoot } from "../support/lint.ts";
import { useSchemaRoot } from "../../src/core/schema/validators.ts";

let clean: string;

/** A freshly generated tree in a temporary directory. */
async function generatedTree(): Promise<string> {
  const dir = tempDir("streamforge-lint-");
  const result = await cli(["gen", "--out", dir]);
  expect(result.code, result.stderr).toBe(0);
  return dir;
}

beforeAll(async () => {
  useSchemaRoot(testSchemaRoot());
  clean = await generatedTree();
});

describe("streamforge lint", () => {
  it("exits 0 on a freshly generated tree (warnings do not fail)", async () => {
    const result = await cli(["lint", "--out", clean, "--env", "prod"]);
    expect(result.stdout).toMatch(/0 errors, \d+ warnings?\n$/);
    expect(result.code).toBe(0);
  });

  it("exits 1 on warnings with --strict (the runner's privileged exception, S29)", async () => {
    const result = await cli(["lint", "--out", clean, "--env", "prod", "--strict"]);
    expect(result.stdout).toContain("privileged/exception");
    expect(result.code).toBe(1);
  });

  it("exits 2 on usage errors: unknown format, unknown environment, unknown option", async () => {
    expect((await cli(["lint", "--out", clean, "--format", "xml"])).code).toBe(2);
    const env = await cli(["lint", "--out", clean, "--env", "staging"]);
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('unknown environment "staging"');
    expect((await cli(["lint", "--bogus"])).code).toBe(2);
  });

  it("lists its rules", async () => {
    const result = await cli(["lint", "--rules"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^network\/lb-ip-outside-pool +every LoadBalancer IP/m);
  });

  it("fails naming file, line and key (with did-you-mean) when a values file gets a misspelt key on disk", async () => {
    const dir = await generatedTree();
    const path = join(dir, "values/prod/kafka-ui.yaml");
    const text = readFileSync(path, "utf8").replace("replicaCount: 1", "replicaCont: 1");
    writeFileSync(path, text);
    const result = await cli(["lint", "--out", dir, "--env", "prod"]);
    expect(result.code).toBe(1);
    const line = lineOf(text, "replicaCont: 1");
    const lines = result.stdout.split("\n");
    const at = lines.indexOf("values/prod/kafka-ui.yaml");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(result.stdout).toMatch(new RegExp(`  ${line}:1 +error +unknown key "replicaCont" .*schema/values`));
    expect(result.stdout).toContain('hint: did you mean "replicaCount"?');
    expect(result.stdout).toContain("drift/out-of-date");
  });

  it("fails naming file and line when a manifest is edited to request a LoadBalancer IP outside the pool", async () => {
    const dir = await generatedTree();
    const file = "manifests/prod/gateway-routes/service-traefik-gitlab-ssh.yaml";
    const text = readFileSync(join(dir, file), "utf8").replace("  type: ClusterIP\n", "  type: LoadBalancer\n  loadBalancerIP: 192.168.1.240\n");
    writeFileSync(join(dir, file), text);
    const result = await cli(["lint", "--out", dir, "--env", "prod", "--format", "json"]);
    expect(result.code).toBe(1);
    const found = (JSON.parse(result.stdout) as Array<Record<string, any>>).filter((d) => d.rule === "network/lb-ip-outside-pool");
    expect(found).toEqual([
      expect.objectContaining({ file, pointer: "/spec/loadBalancerIP", position: { line: lineOf(text, "loadBalancerIP: 192.168.1.240"), column: 19 } }),
    ]);
    expect(found[0]?.message).toContain("192.168.1.240 is outside the MetalLB pool 192.168.1.150-192.168.1.169");
  });

  it("--format gitlab writes a Code Quality report and junit one failure per error", async () => {
    const dir = await generatedTree();
    const path = join(dir, "values/prod/kafka-ui.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("replicaCount: 1", "replicaCont: 1"));
    const json = JSON.parse((await cli(["lint", "--out", dir, "--env", "prod", "--format", "json"])).stdout) as Array<{ severity: string }>;
    const errors = json.filter((d) => d.severity === "error").length;
    expect(errors).toBeGreaterThanOrEqual(2);

    const gitlab = await cli(["lint", "--out", dir, "--env", "prod", "--format", "gitlab"]);
    expect(gitlab.code).toBe(1);
    const report = JSON.parse(gitlab.stdout) as Array<Record<string, any>>;
    expect(report).toHaveLength(json.length);
    for (const issue of report) {
      expect(issue).toEqual(expect.objectContaining({ description: expect.any(String), check_name: expect.any(String), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), severity: expect.stringMatching(/^(major|minor)$/) }));
      expect(issue.location).toEqual({ path: expect.any(String), lines: { begin: expect.any(Number) } });
    }

    const junit = await cli(["lint", "--out", dir, "--env", "prod", "--format", "junit"]);
    expect(junit.code).toBe(1);
    const { XMLParser } = await import("./xml.ts");
    const doc = new XMLParser(junit.stdout);
    expect(doc.root.name).toBe("testsuites");
    expect(Number(doc.root.attributes.failures)).toBe(errors);
    const suites = doc.root.children.filter((c) => c.name === "testsuite");
    expect(suites.reduce((n, s) => n + Number(s.attributes.failures), 0)).toBe(errors);
    expect(suites.flatMap((s) => s.children).flatMap((c) => c.children).filter((c) => c.name === "failure")).toHaveLength(errors);
  });
});
