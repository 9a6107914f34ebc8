import { formatSpan, ipToInt, isIPv4, spanContains } from "../../../core/model/net.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { lbRequests, pools } from "./addresses.ts";

/** MetalLB never assigns an address outside its pools: the Service stays `<pending>`. */
export const lbIpOutsidePool: Rule = {
  id: "network/lb-ip-outside-pool",
  description: "every LoadBalancer IP requested in values or manifests is inside a MetalLB pool",
  check(ctx) {
    const all = pools(ctx);
    const ranges = all.map((p) => formatSpan(p.span)).join(", ") || "(none)";
    return lbRequests(ctx).flatMap(({ ip, site }) => {
      if (!isIPv4(ip)) return [ctx.at(this.id, site, `LoadBalancer IP "${ip}" is not an IPv4 address`, { hint: `use an address of the pool ${ranges}` })];
      const value = ipToInt(ip);
      if (all.some((p) => spanContains(p.span, value))) return [];
      return [ctx.at(this.id, site, `LoadBalancer IP ${ip} is outside the MetalLB pool ${ranges}`, { hint: `use an address of ${ranges} (the model's ingress.loadBalancerIps)` })];
    });
  },
};
