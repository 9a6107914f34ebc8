import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { didYouMean } from "../../../core/diagnostics/suggest.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { inventory } from "./inventory.ts";
import { ownAdapter } from "../../../core/model/extensions.ts";
import { ANY_NAMESPACE } from "../../manifests/operators.ts";

/**
 * A Secret, ConfigMap, ServiceAccount, claim, Service or database role that nothing creates leaves
 * a pod pending or a login failing after `helmfile apply` reports success.
 */
export const referencesResolve: Rule = {
  id: "apply/references-resolve",
  description: "every object values and manifests refer to by name (Secret and key, ConfigMap, ServiceAccount, claim, Service and port, database role) is created by a release or is a declared prerequisite",
  check(ctx) {
    const inv = inventory(ctx);
    const out: Diagnostic[] = [];
    for (const ref of inv.references) {
      const same = (p: { kind: string; namespace: string; name: string }) => p.kind === ref.kind && (p.namespace === ref.namespace || p.namespace === ANY_NAMESPACE) && p.name === ref.name;
      const provider = inv.provided.find(same);
      const prerequisite = inv.prerequisites.find((p) => same(p) || (p.kind === ref.kind && p.name === ref.name && (p.syncedTo ?? []).includes(ref.namespace)));
      const what = `${ref.kind} "${ref.name}" in namespace ${ref.namespace}`;
      if (!provider && !prerequisite) {
        const candidates = [...inv.provided, ...inv.prerequisites].filter((p) => p.kind === ref.kind && p.namespace === ref.namespace).map((p) => p.name);
        out.push(ctx.at(this.id, ref.site, `${what}, used by release ${ref.release.name}, is created by no release and is not a prerequisite of ${ctx.env.name}`, {
          hint:
            didYouMean(ref.name, candidates) ??
            (ownAdapter(ctx.platform, ref.release.adapter)
              ? `create it in a manifest, or declare it in the contract of the platform's adapter "${ref.release.adapter}" (defineAdapter): in its creates if its chart makes it${ref.kind === "Secret" ? ", in its prerequisites if a person does" : ""}`
              : "create it in a manifest, declare what the chart creates (src/helm/charts/contracts.ts), or name it in the model where prerequisites come from (src/core/model/prerequisites.ts)"),
        }));
        continue;
      }
      const keys = provider ? provider.keys : prerequisite!.keys.some((k) => k.key === "*") ? undefined : prerequisite!.keys.map((k) => k.key);
      for (const key of ref.keys) {
        if (keys && !keys.includes(key)) out.push(ctx.at(this.id, ref.site, `${what} has no key "${key}" (it holds ${keys.join(", ") || "no keys"})`, { hint: didYouMean(key, [...keys]) ?? `use one of: ${keys.join(", ")}` }));
      }
      const ports = provider?.ports;
      if (ref.port !== undefined && ports && !ports.includes(ref.port)) {
        out.push(ctx.at(this.id, ref.site, `${what} does not serve port ${ref.port} (it serves ${ports.join(", ")})`, { hint: `use port ${ports[0]}` }));
      }
    }
    return out;
  },
};
