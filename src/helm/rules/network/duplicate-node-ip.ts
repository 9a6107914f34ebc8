import type { Rule } from "../../../core/lint/context.ts";

/** Two VMs with one address break both. */
export const duplicateNodeIp: Rule = {
  id: "network/duplicate-node-ip",
  description: "node IPs are unique",
  aboutModel: true,
  check(ctx) {
    const first = new Map<string, string>();
    return ctx.env.nodes.flatMap((node, i) => {
      const owner = first.get(node.ip);
      if (owner === undefined) {
        first.set(node.ip, node.name);
        return [];
      }
      return [ctx.model(this.id, ["nodes", i, "ip"], `node ${node.name} has IP ${node.ip}, already used by node ${owner}`, { hint: "give each node its own address" })];
    });
  },
};
