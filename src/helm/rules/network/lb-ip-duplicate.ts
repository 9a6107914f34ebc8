import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { lbRequests } from "./addresses.ts";

/** Two Services asking for one address: MetalLB gives it to one, the other stays pending. */
export const lbIpDuplicate: Rule = {
  id: "network/lb-ip-duplicate",
  description: "every requested LoadBalancer IP is used once",
  check(ctx) {
    const first = new Map<string, string>();
    const out: Diagnostic[] = [];
    for (const { ip, site } of lbRequests(ctx)) {
      const where = `${site.file.path}${site.pointer}`;
      const owner = first.get(ip);
      if (owner === undefined) first.set(ip, where);
      else out.push(ctx.at(this.id, site, `LoadBalancer IP ${ip} is also requested at ${owner}`, { hint: "give each LoadBalancer Service its own address" }));
    }
    return out;
  },
};
