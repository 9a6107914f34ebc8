import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { formatSpan, spanContains, spansOverlap } from "../../../core/model/net.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { pools, validIp, type Pool } from "./addresses.ts";

/** MetalLB would hand out an address a node or the gateway already has. (The VIP: `network/vip-conflict`.) */
export const poolOverlap: Rule = {
  id: "network/pool-overlap",
  description: "MetalLB pools do not contain node IPs or the gateway, and do not overlap each other",
  aboutModel: true,
  check(ctx) {
    const { env } = ctx;
    const out: Diagnostic[] = [];
    const report = (pool: Pool, message: string, hint: string) =>
      out.push(pool.site ? ctx.at(this.id, pool.site, `${env.name}: ${message}`, { hint }) : ctx.model(this.id, ["ingress", "pool"], message, { hint }));
    const all = pools(ctx);
    all.forEach((pool, i) => {
      const range = formatSpan(pool.span);
      for (const node of env.nodes) {
        const ip = validIp(node.ip);
        if (ip !== undefined && spanContains(pool.span, ip)) report(pool, `MetalLB pool ${range} contains node ${node.name} (${node.ip})`, "keep the pool clear of node addresses");
      }
      const gw = validIp(env.network.gateway);
      if (gw !== undefined && spanContains(pool.span, gw)) report(pool, `MetalLB pool ${range} contains the gateway ${env.network.gateway}`, "keep the pool clear of the gateway");
      for (const other of all.slice(i + 1)) {
        if (spansOverlap(pool.span, other.span)) report(other, `MetalLB pool ${formatSpan(other.span)} overlaps pool ${range}`, "make the pools disjoint");
      }
    });
    return out;
  },
};
