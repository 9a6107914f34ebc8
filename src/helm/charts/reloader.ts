import type { ValuesAdapter } from "./adapter.ts";
import type { ReloaderValues } from "./types/reloader.ts";

/**
 * The annotation a workload carries to be rolled by Reloader when a ConfigMap or Secret it uses
 * changes (S33). Workloads opt in, rather than Reloader rolling everything: operators (Strimzi,
 * Zalando, ECK) roll their own pods and must not have their StatefulSets patched underneath them.
 */
export const RELOADER_AUTO_ANNOTATION = "reloader.stakater.com/auto";

/**
 * Reloader (S33): watches every namespace and rolls the workloads that opted in with
 * `RELOADER_AUTO_ANNOTATION` when their Secrets or ConfigMaps change. The `annotations` strategy
 * records the change in a pod-template annotation instead of an injected environment variable,
 * which Argo CD (S32) sees as a plain annotation rather than drift in the container spec.
 */
export const reloader: ValuesAdapter<ReloaderValues> = () => ({
  reloader: {
    watchGlobally: true,
    autoReloadAll: false,
    ignoreSecrets: false,
    ignoreConfigMaps: false,
    reloadStrategy: "annotations",
    reloadOnCreate: false,
    reloadOnDelete: false,
  },
});
