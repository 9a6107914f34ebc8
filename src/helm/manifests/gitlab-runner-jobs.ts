/**
 * What CI job pods refer to by name in the runner's configuration (S29): the ServiceAccount they
 * run as and the claims of their `pvc` volumes. The gitlab-runner chart creates only the runner's
 * own ServiceAccount, so these are the platform's.
 */
import { type KubeObject, type ManifestBuilder, managedLabels } from "./kube.ts";
import { namespaceOf } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

export const gitlabRunnerJobs: ManifestBuilder = ({ platform, env }) => {
  const runner = settingsOf(env, "runner");
  const namespace = namespaceOf(platform, "gitlab-runner-jobs");
  const labels = managedLabels("gitlab-runner");
  const account: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: runner.serviceAccount, namespace, labels } };
  const claims = runner.volumes.flatMap((v): KubeObject[] => {
    // Without a size and class the claim is not the platform's (lint reports it if nothing else creates it).
    if (v.kind !== "pvc" || !v.size || !v.storageClass) return [];
    const cls = env.storageClasses.find((c) => c.name === v.storageClass);
    const mode = cls?.accessModes.includes("ReadWriteMany") ? "ReadWriteMany" : "ReadWriteOnce";
    return [
      {
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        metadata: { name: v.source, namespace, labels },
        spec: { accessModes: [mode], storageClassName: v.storageClass, resources: { requests: { storage: v.size } } },
      },
    ];
  });
  return [account, ...claims];
};
