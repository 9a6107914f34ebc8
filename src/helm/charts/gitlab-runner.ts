/**
 * GitLab Runner (S28-S30): the `gitlab/gitlab-runner` chart, Kubernetes executor.
 *
 * The chart's `values.yaml` is not in the shared reference data, so the keys this adapter may
 * write are described here, each with where the chart's documentation gives it for the pinned
 * version (`test/charts/gitlab-runner.test.ts` fails on any other key).
 *
 * Version: chart 0.80.0 is the newest release on or before 2025-08-24. Each chart minor ships
 * the GitLab Runner minor of the same day (0.81.0 = 18.4.0 on 2025-09-19, 0.82.0 = 18.5.0 on
 * 2025-10-17); runner v18.3.0 was tagged on 2025-08-21 and v18.3.1, which 0.80.1 follows, on
 * 2025-09-04, so 0.80.1 is after the cut-off.
 */
import type { ValuesAdapter } from "./adapter.ts";
import type { GitlabRunnerValues } from "./types/gitlab-runner.ts";
import type { Environment } from "../../core/model/types.ts";
import { gitlabUrl, namespaceOf, onNode } from "../../core/model/derive.ts";
import { type TomlTable, toToml } from "./toml.ts";
import { settingsOf } from "../../core/model/components.ts";

/** One chart key this adapter writes, and the documentation that gives it. */
export interface DocumentedKey {
  /** Dotted path in the values. */
  path: string;
  /** JSON type of the value; a `map` takes free keys (labels, selectors) with string values. */
  type: "string" | "integer" | "boolean" | "map";
  /** Where the chart's documentation (pinned version) describes the key. */
  source: string;
}

const CHART_DOCS = "docs.gitlab.com/runner/install/kubernetes (GitLab Runner Helm chart, 18.3 / chart 0.80)";

/**
 * The keys of chart 0.80.0 (GitLab Runner 18.3.0) this adapter uses. Only these: the values of
 * an undocumented key would be silently ignored by the chart's templates. `npm run schema:charts`
 * turns this list into the chart's values schema (`schema/charts/gitlab-runner/0.80.0.schema.json`)
 * and its values type.
 */
export const GITLAB_RUNNER_DOCUMENTED_VERSION = "0.80.0";

export const gitlabRunnerKeys: readonly DocumentedKey[] = [
  { path: "gitlabUrl", type: "string", source: `${CHART_DOCS}: required configuration` },
  { path: "concurrent", type: "integer", source: `${CHART_DOCS}: controlling maximum runner concurrency` },
  { path: "rbac.create", type: "boolean", source: `${CHART_DOCS}: enabling RBAC support` },
  { path: "certsSecretName", type: "string", source: `${CHART_DOCS}: providing a custom certificate for accessing GitLab` },
  { path: "nodeSelector", type: "map", source: `${CHART_DOCS}: values.yaml, scheduling of the runner manager pod` },
  { path: "runners.secret", type: "string", source: `${CHART_DOCS}: store registration tokens or runner tokens in secrets` },
  { path: "runners.config", type: "string", source: `${CHART_DOCS}: configuring GitLab Runner with the configuration template` },
];

/** TOML table name of each volume kind in `[runners.kubernetes.volumes]`. */
const VOLUME_TABLE = { pvc: "pvc", secret: "secret", configMap: "config_map" } as const;

/**
 * The runner's `config.toml` template as data: Kubernetes executor, job pods on the runner's
 * node, privileged (kaniko, S28-S30) under the model's ServiceAccount, with its volumes.
 */
export function runnerConfig(env: Environment, namespace: string): TomlTable {
  const runner = settingsOf(env, "runner");
  const volumes: Record<string, TomlTable[]> = {};
  for (const v of runner.volumes) {
    const table = VOLUME_TABLE[v.kind];
    (volumes[table] ??= []).push({
      name: v.source,
      mount_path: v.mountPath,
      // Claims hold the runner's home (build state); secrets and config maps are read-only inputs.
      read_only: v.kind !== "pvc",
    });
  }
  return {
    runners: [
      {
        executor: "kubernetes",
        kubernetes: {
          namespace,
          privileged: runner.privileged,
          service_account: runner.serviceAccount,
          node_selector: onNode(runner.node),
          volumes,
        },
      },
    ],
  };
}

export const gitlabRunner: ValuesAdapter<GitlabRunnerValues> = ({ platform, env }) => {
  const runner = settingsOf(env, "runner");
  const config = toToml(runnerConfig(env, namespaceOf(platform, "gitlab-runner")));
  // The chart passes `runners.config` through Helm's `tpl`: template braces would be evaluated.
  if (config.includes("{{")) throw new Error("gitlab-runner config.toml must not contain Helm template braces");
  return {
    gitlabUrl: gitlabUrl(env),
    concurrent: runner.concurrent,
    rbac: { create: true },
    certsSecretName: runner.gitlabCaSecret,
    nodeSelector: onNode(runner.node),
    runners: { secret: runner.tokenSecret, config },
  };
};
