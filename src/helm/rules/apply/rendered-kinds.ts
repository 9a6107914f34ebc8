import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { crdInstallers } from "../../charts/evaluate.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { closure, inventory } from "./inventory.ts";

/**
 * Helmfile installs in `needs` order: a chart that renders a ServiceMonitor or a custom resource
 * before the CRD exists, or before the webhook that validates it runs, fails the apply.
 */
export const renderedKinds: Rule = {
  id: "apply/install-order",
  description: "each release needs, directly or transitively, the release installing the CRD of every custom kind it renders and the release whose webhook validates it",
  aboutModel: true,
  check(ctx) {
    const helmfile = ctx.files.find((f) => f.kind === "helmfile");
    // With a helmfile every finding is in it.
    if (helmfile && !ctx.searchFiles) return [];
    const inv = inventory(ctx);
    const out: Diagnostic[] = [];
    const releaseIndex = (name: string) => ctx.platform.releases.findIndex((r) => r.name === name);
    const report = (release: string, message: string, hint: string) => {
      const site = helmfile ? { file: helmfile, doc: 1, pointer: `/releases/${releaseIndex(release)}/name` } : undefined;
      out.push(site ? ctx.at(this.id, site, message, { hint }) : { rule: this.id, severity: "error", message, file: ctx.modelFile, hint });
    };
    // The releases whose webhook validates some group, in contract order: asked per release and group.
    const validators = [...inv.contracts].filter(([, c]) => c.validates?.length);
    for (const release of inv.releases) {
      const contract = inv.contracts.get(release.name)!;
      const needs = closure(inv.needs, release.name);
      const groups = [...new Set(contract.renders.map((k) => k.group))];
      for (const group of groups) {
        const kinds = contract.renders.filter((k) => k.group === group).map((k) => k.kind).join(", ");
        const installers = crdInstallers(inv.releases, group, inv.contracts);
        if (installers.length && !installers.some((i) => i.name === release.name || needs.has(i.name))) {
          report(release.name, `${release.name} renders ${kinds} (${group}) but does not need ${installers.map((i) => i.name).join(" or ")}, which installs the CRD`, `run \`npm run gen\`: needs are derived from the adapters' contracts`);
        }
        for (const [other, c] of validators) {
          if (other === release.name || !c.validates?.includes(group) || needs.has(other)) continue;
          report(release.name, `${release.name} renders ${kinds} (${group}), which the webhook of ${other} validates, but does not need ${other}`, `run \`npm run gen\`: needs are derived from the adapters' contracts`);
        }
      }
    }
    return out;
  },
};
