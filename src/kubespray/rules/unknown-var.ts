import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { didYouMean } from "../../core/diagnostics/suggest.ts";
import { knownVars } from "../known-vars.ts";
import { type InfraRule, infraFiles, writtenVars } from "./inventory.ts";

/** A misspelt variable is silently ignored by Ansible: Kubespray runs with its default instead. */
export const rule: InfraRule = {
  id: "kubespray/unknown-var",
  description: "every variable the inventory writes is one the pinned Kubespray release knows",
  check(platform, records) {
    const files = infraFiles(records);
    const out: Diagnostic[] = [];
    for (const env of platform.environments) {
      const known = knownVars(env.cluster.kubesprayVersion);
      const names = Object.keys(known.variables);
      for (const v of writtenVars(files, env.name)) {
        if (v.name in known.variables) continue;
        const hint = didYouMean(v.name, names) ?? `see the variables of Kubespray ${known.kubespray} (schema/kubespray/${known.kubespray}/known-vars.json)`;
        out.push(files.at(this.id, v.path, v.pointer, `"${v.name}" is not a variable of Kubespray ${known.kubespray}`, { hint, key: true }));
      }
    }
    return out;
  },
};
