/**
 * GitLab Runner (S28-S30). The chart's values.yaml is not in the reference data, so keys are
 * checked against the documented list in src/helm/charts/gitlab-runner.ts, and the runner's
 * `config.toml` template is parsed with a real TOML parser (Python's standard `tomllib`; Python
 * comes with ansible-core, which CI installs) rather than by our own writer's rules.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { gitlabRunnerKeys, type DocumentedKey } from "../../../src/helm/charts/gitlab-runner.ts";
import { yamlOf } from "../../support/generated.ts";

function parseToml(text: string): any {
  const script = "import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: text, encoding: "utf8" }));
}

/** Dotted leaf paths of a values tree. */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** Paths of `values` that no documented key covers. */
function undocumented(values: unknown, keys: readonly DocumentedKey[]): string[] {
  return leafPaths(values).filter(
    (path) => !keys.some((k) => k.path === path || (k.type === "map" && path.startsWith(`${k.path}.`))),
  );
}

describe("documented keys of gitlab-runner", () => {
  it("the check reports a key outside the documented list", () => {
    expect(undocumented({ gitlabUrl: "x", runners: { config: "", tags: "a" }, nodeSelector: { a: "b" } }, gitlabRunnerKeys)).toEqual([
      "runners.tags",
    ]);
  });
});

describe.each(streamforge.environments.map((e) => e.name))("gitlab-runner in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const runner = env.components.runner;
  const values = yamlOf(`values/${envName}/gitlab-runner.yaml`);
  const config = parseToml(values.runners.config);
  const kube = config.runners[0].kubernetes;

  it("writes only keys the chart documents for the pinned version", () => {
    expect(env.versions["gitlab-runner"]).toBe("0.80.0");
    expect(undocumented(values, gitlabRunnerKeys)).toEqual([]);
  });

  it("S29 registers against https://gitlab.dmz.home/ with the token from an existing Secret (A13)", () => {
    expect(values.gitlabUrl).toBe(`https://${env.external.gitlab.fqdn}/`);
    expect(values.gitlabUrl).toBe("https://gitlab.dmz.home/");
    expect(values.runners.secret).toBe(runner.tokenSecret);
    expect(JSON.stringify(values)).not.toMatch(/runnerToken|runnerRegistrationToken|glrt-/);
  });

  it("S29 trusts GitLab's CA from an existing Secret", () => {
    expect(values.certsSecretName).toBe(runner.gitlabCaSecret);
  });

  it("S29 uses the kubernetes executor", () => {
    expect(config.runners).toHaveLength(1);
    expect(config.runners[0].executor).toBe("kubernetes");
    expect(kube.namespace).toBe("gitlab-runner");
  });

  it(`S29 runner and job pods run on ${runner.node}`, () => {
    expect(values.nodeSelector).toEqual({ "kubernetes.io/hostname": runner.node });
    expect(kube.node_selector).toEqual({ "kubernetes.io/hostname": runner.node });
    expect(env.nodes.map((n) => n.name)).toContain(runner.node);
    if (envName === "prod") expect(runner.node).toBe("k2w-9");
  });

  it("S29 job pods are privileged and run as ServiceAccount full-access-sa", () => {
    expect(kube.privileged).toBe(true);
    expect(kube.service_account).toBe("full-access-sa");
  });

  it("S29 job pods mount runner-home (claim), docker-config and home-certificates (secrets)", () => {
    expect(kube.volumes.pvc.map((v: any) => v.name)).toEqual(["runner-home"]);
    expect(kube.volumes.secret.map((v: any) => v.name)).toEqual(["docker-config", "home-certificates"]);
    for (const v of runner.volumes) {
      const table = v.kind === "pvc" ? "pvc" : v.kind === "secret" ? "secret" : "config_map";
      expect(kube.volumes[table]).toContainEqual(expect.objectContaining({ name: v.source, mount_path: v.mountPath }));
    }
  });

  it("S30 kaniko --cache=true can push its layer cache: registry credentials at /kaniko/.docker, CA files mounted", () => {
    // --cache=true pushes cached layers to a cache repository, with the credentials kaniko reads
    // from /kaniko/.docker/config.json; the internal registry's CA is given by --registry-certificate.
    const dockerConfig = kube.volumes.secret.find((v: any) => v.name === "docker-config");
    expect(dockerConfig.mount_path).toBe("/kaniko/.docker");
    const certs = kube.volumes.secret.find((v: any) => v.name === "home-certificates");
    expect(certs.mount_path).toMatch(/^\//);
    expect(kube.privileged).toBe(true);
  });

  it("S29 concurrency comes from the model", () => {
    expect(values.concurrent).toBe(runner.concurrent);
  });
});
