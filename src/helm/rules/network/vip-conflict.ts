import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { formatSpan, spanContains } from "../../../core/model/net.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { pools, validIp } from "./addresses.ts";

/** kube-vip answers ARP for the VIP: a node or MetalLB answering too splits the API. */
export const vipConflict: Rule = {
  id: "network/vip-conflict",
  description: "the API VIP is not a node IP and is outside every MetalLB pool",
  aboutModel: true,
  check(ctx) {
    const { env } = ctx;
    const vip = validIp(env.cluster.apiVip);
    if (vip === undefined) return [];
    const out: Diagnostic[] = [];
    const node = env.nodes.find((n) => n.ip === env.cluster.apiVip);
    if (node) out.push(ctx.model(this.id, ["cluster", "apiVip"], `API VIP ${env.cluster.apiVip} is the IP of node ${node.name}`, { hint: "pick a free address outside the nodes and the pool" }));
    for (const pool of pools(ctx)) {
      if (spanContains(pool.span, vip)) {
        out.push(ctx.model(this.id, ["cluster", "apiVip"], `API VIP ${env.cluster.apiVip} is inside MetalLB pool ${formatSpan(pool.span)}`, { hint: "move the VIP or shrink the pool" }));
      }
    }
    return out;
  },
};
