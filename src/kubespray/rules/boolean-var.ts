import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { knownVars } from "../known-vars.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { writtenVars } from "../../core/lint/infra.ts";

/**
 * Kubespray tests its switches as booleans: the string "false" is truthy in Jinja, so
 * `metallb_enabled: "false"` turns MetalLB on.
 */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/boolean-var",
  description: "variables whose Kubespray default is a boolean are written as booleans",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const known = knownVars(env.cluster.kubesprayVersion);
      for (const v of writtenVars(files, env.name)) {
        if (known.variables[v.name] !== "boolean" || typeof v.value === "boolean") continue;
        // A Jinja expression is evaluated by Ansible; its result is Kubespray's business.
        if (typeof v.value === "string" && v.value.includes("{{")) continue;
        const fix = typeof v.value === "string" && /^(true|yes|on|1)$/i.test(v.value) ? "true" : typeof v.value === "string" && /^(false|no|off|0)$/i.test(v.value) ? "false" : "true or false";
        out.push(ctx.at(this.id, files.site(v.path, v.pointer), `"${v.name}" is ${JSON.stringify(v.value)}, not a boolean`, { hint: `write ${fix} without quotes` }));
      }
    }
    return out;
  },
};
