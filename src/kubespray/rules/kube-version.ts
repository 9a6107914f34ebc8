import type { Diagnostic } from "../../core/diagnostics/types.ts";
import semver from "semver";
import { knownVars } from "../known-vars.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { groupVar } from "../../core/lint/infra.ts";

/** Kubespray downloads by checksum: a version it has no checksum for fails mid-run. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/kube-version",
  description: "kube_version is at least Kubespray's minimum and one of the versions it supports",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const v = groupVar(files, env.name, "kube_version");
      if (!v) continue;
      const { kubernetes, kubespray } = knownVars(env.cluster.kubesprayVersion);
      const version = String(v.value).replace(/^v/, "");
      if (!semver.valid(version)) {
        out.push(ctx.at(this.id, files.site(v.path, v.pointer), `kube_version ${JSON.stringify(v.value)} is not a version`, { hint: `Kubespray ${kubespray} deploys ${kubernetes.default} by default` }));
      } else if (semver.lt(version, kubernetes.minimum)) {
        out.push(ctx.at(this.id, files.site(v.path, v.pointer), `kube_version ${version} is below Kubespray ${kubespray}'s minimum ${kubernetes.minimum}`, { hint: `use ${kubernetes.default}` }));
      } else if (!kubernetes.supported.includes(version)) {
        const newest = kubernetes.supported[0] ?? kubernetes.default;
        out.push(
          ctx.at(this.id, files.site(v.path, v.pointer), `kube_version ${version} is not one Kubespray ${kubespray} supports (${kubernetes.minimum}..${newest})`, {
            hint: `use ${kubernetes.default}, its default`,
          }),
        );
      }
    }
    return out;
  },
};
