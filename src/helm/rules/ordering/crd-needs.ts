import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Platform } from "../../../core/model/types.ts";
import { isEnabled } from "../../../core/model/derive.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { chartOfGroup } from "./crd-owners.ts";
import { crdInstallers } from "../../charts/evaluate.ts";
import { closure, inventory } from "../apply/inventory.ts";

/** Releases `name` needs, directly or through other releases. */
function transitiveNeeds(platform: Platform, name: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(platform.releases.find((r) => r.name === name)?.needs ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(platform.releases.find((r) => r.name === next)?.needs ?? []));
  }
  return seen;
}

/** Helmfile installs in `needs` order: a custom resource before its CRD fails the whole apply. */
export const crdNeeds: Rule = {
  id: "ordering/crd-needs",
  description: "every custom resource's release needs, directly or transitively, the release that installs its CRD",
  check(ctx) {
    const { platform, env } = ctx;
    const out: Diagnostic[] = [];
    const reported = new Set<string>();
    let declaredGroups: Set<string> | undefined;
    for (const doc of ctx.kubeObjects) {
      const release = doc.file.release;
      const slash = doc.apiVersion.indexOf("/");
      if (!release || slash < 0) continue;
      const group = doc.apiVersion.slice(0, slash);
      const chart = chartOfGroup(group);
      if (!chart) {
        // A consumer's operator chart installs the CRDs its contract names; most groups here are Kubernetes' own.
        declaredGroups ??= new Set([...inventory(ctx).contracts.values()].flatMap((c) => c.installsCrds ?? []));
        if (!declaredGroups.has(group)) continue;
      }
      const installers = crdInstallers(platform.releases, group, inventory(ctx).contracts).filter((r) => isEnabled(env, r));
      if (installers.some((r) => r.name === release.name)) continue;
      const needs = closure(inventory(ctx).needs, release.name);
      if (installers.some((r) => needs.has(r.name))) continue;
      const key = `${release.name} ${group}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const installer = installers[0]?.name;
      out.push(ctx.at(this.id, doc, `${doc.kind} (${group}) in release ${release.name}, which does not need ${installer ?? `a release of chart ${chart}`} that installs its CRD`, { hint: installer ? `add "${installer}" to needs of ${release.name}` : `install chart ${chart} in ${env.name}` }));
    }
    return out;
  },
};
