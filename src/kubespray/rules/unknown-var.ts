import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { didYouMean } from "../../core/diagnostics/suggest.ts";
import { knownVars } from "../known-vars.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { writtenVars } from "../../core/lint/infra.ts";

/** A misspelt variable is silently ignored by Ansible: Kubespray runs with its default instead. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/unknown-var",
  description: "every variable the inventory writes is one the pinned Kubespray release knows",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const known = knownVars(env.cluster.kubesprayVersion);
      const names = Object.keys(known.variables);
      for (const v of writtenVars(files, env.name)) {
        if (v.name in known.variables) continue;
        const hint = didYouMean(v.name, names) ?? `see the variables of Kubespray ${known.kubespray} (schema/kubespray/${known.kubespray}/known-vars.json)`;
        out.push(ctx.at(this.id, files.site(v.path, v.pointer), `"${v.name}" is not a variable of Kubespray ${known.kubespray}`, { hint, key: true }));
      }
    }
    return out;
  },
};
