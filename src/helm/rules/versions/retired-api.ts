import semver from "semver";
import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { retirement } from "./kube-apis.ts";

/** An API the cluster no longer serves fails the whole release at `helm upgrade`. */
export const retiredApi: Rule = {
  id: "versions/retired-api",
  description: "generated manifests use no Kubernetes API removed (error) or deprecated (warning) in the environment's version",
  check(ctx) {
    const out: Diagnostic[] = [];
    const kube = semver.parse(ctx.env.cluster.kubernetesVersion);
    if (!kube) return out;
    for (const doc of ctx.kubeObjects) {
      const found = retirement(doc.apiVersion, doc.kind, kube.minor);
      if (!found) continue;
      const { state, api } = found;
      out.push(
        ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/apiVersion` }, `${doc.kind} ${doc.apiVersion} is ${state === "removed" ? "no longer served" : "deprecated"} in Kubernetes ${kube.major}.${kube.minor} (${state} since 1.${state === "removed" ? api.removed : api.deprecated})`, {
          severity: state === "removed" ? "error" : "warning",
          hint: `use ${api.replacement}`,
        }),
      );
    }
    return out;
  },
};
