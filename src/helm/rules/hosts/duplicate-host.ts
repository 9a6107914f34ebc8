import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { servedHosts } from "../../../core/lint/hosts.ts";

/** Two routers claiming one host: which one answers depends on the controller's mood. */
export const duplicateHost: Rule = {
  id: "hosts/duplicate",
  description: "every host is routed by one ingress or route only",
  check(ctx) {
    const first = new Map<string, { owner: string; where: string }>();
    const out: Diagnostic[] = [];
    for (const { host, site, role, owner } of servedHosts(ctx)) {
      if (role !== "route") continue;
      const seen = first.get(host);
      if (!seen) first.set(host, { owner, where: `${site.file.path}${site.pointer}` });
      else if (seen.owner !== owner) out.push(ctx.at(this.id, site, `host "${host}" is also routed at ${seen.where}`, { hint: "serve each host from one place" }));
    }
    return out;
  },
};
