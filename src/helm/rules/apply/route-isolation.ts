import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule, RuleContext } from "../../../core/lint/context.ts";
import { inventory } from "./inventory.ts";

const ROUTE_KINDS = new Set(["HTTPRoute", "IngressRouteTCP", "IngressRoute", "TLSRoute", "TCPRoute"]);

/**
 * A release that routes to the Services of several releases must wait for all of them: one UI
 * that fails to install would hold back every other UI's route.
 */
export const routeIsolation: Rule = {
  id: "apply/route-isolation",
  description: "a release's routes reach the Services of at most one other release, so one failing UI blocks only its own route",
  check(ctx) {
    const inv = inventory(ctx);
    const out: Diagnostic[] = [];
    for (const release of inv.releases) {
      const routed = inv.references.filter((r) => r.release.name === release.name && r.kind === "Service" && ROUTE_KINDS.has(kindAt(ctx, r.site)));
      const backends = new Map<string, (typeof routed)[number]>();
      for (const ref of routed) {
        const provider = inv.provided.find((p) => p.kind === "Service" && p.namespace === ref.namespace && p.name === ref.name);
        if (provider && provider.release !== release.name && !backends.has(provider.release)) backends.set(provider.release, ref);
      }
      if (backends.size < 2) continue;
      const [, second] = [...backends.values()];
      out.push(ctx.at(this.id, second!.site, `release ${release.name} routes to Services of ${backends.size} releases (${[...backends.keys()].join(", ")}), so it waits for all of them`, { hint: "give each UI's routes a release of their own that needs only that UI's release" }));
    }
    return out;
  },
};

function kindAt(ctx: RuleContext, site: { file: { path: string }; doc: number }): string {
  const doc = ctx.kubeObjects.find((d) => d.file.path === site.file.path && d.doc === site.doc && d.pointer === "");
  return doc?.kind ?? "";
}
