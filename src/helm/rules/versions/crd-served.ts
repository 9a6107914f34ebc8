import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { isEnabled } from "../../../core/model/derive.ts";
import { factsOf } from "./sites.ts";

/** API groups the API server serves itself; every other group comes from a CRD. */
function isBuiltIn(group: string): boolean {
  if (!group.includes(".")) return true; // core, apps, batch, policy, autoscaling
  if (group.endsWith(".x-k8s.io")) return false;
  return group.endsWith(".k8s.io") && group !== "gateway.networking.k8s.io";
}

/**
 * A custom resource whose apiVersion the pinned operator no longer serves is rejected by the API
 * server; an operator bump that drops `v1beta1` breaks every resource still written that way.
 */
export const crdServed: Rule = {
  id: "versions/crd-served",
  description: "every custom resource's apiVersion is served by the pinned release that installs its CRD",
  check(ctx) {
    const out: Diagnostic[] = [];
    const servedBy = new Map<string, { release: string; versions: string[] }[]>();
    for (const release of ctx.platform.releases) {
      if (release.chart === "local" || !isEnabled(ctx.env, release)) continue;
      for (const apiVersion of factsOf(ctx, release.name)?.crdApiVersions ?? []) {
        const group = apiVersion.split("/")[0]!;
        const list = servedBy.get(group) ?? [];
        const entry = list.find((e) => e.release === release.name) ?? { release: release.name, versions: [] };
        if (!list.includes(entry)) list.push(entry);
        entry.versions.push(apiVersion);
        servedBy.set(group, list);
      }
    }
    for (const doc of ctx.kubeObjects) {
      const group = doc.apiVersion.includes("/") ? doc.apiVersion.split("/")[0]! : "";
      if (isBuiltIn(group)) continue;
      const installers = servedBy.get(group);
      const site = { ...doc, pointer: `${doc.pointer}/apiVersion` };
      if (!installers) {
        out.push(ctx.at(this.id, site, `no release of ${ctx.env.name} installs CRDs of group ${group} (${doc.kind})`, { hint: "record the group's API versions on the release that installs the CRD (crdApiVersions in the catalogue)" }));
      } else if (!installers.some((i) => i.versions.includes(doc.apiVersion))) {
        const served = installers.flatMap((i) => i.versions.map((v) => `${v} (${i.release} ${ctx.env.versions[i.release]})`));
        out.push(ctx.at(this.id, site, `${doc.kind} ${doc.apiVersion} is not served by the pinned operator`, { hint: `served: ${served.join(", ")}` }));
      }
    }
    return out;
  },
};
