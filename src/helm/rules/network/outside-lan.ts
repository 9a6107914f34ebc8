import { intToIp, spanContains } from "../../../core/model/net.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { lanSpan, modelAddresses, validIp } from "./addresses.ts";

/** Nodes, the VIP, the gateway, the pool and the LoadBalancer IPs all live in the LAN. */
export const outsideLan: Rule = {
  id: "network/outside-lan",
  description: "every address of the environment is inside its LAN",
  aboutModel: true,
  check(ctx) {
    const lan = lanSpan(ctx);
    if (!lan) return [];
    return modelAddresses(ctx).flatMap((a) => {
      const ip = validIp(a.ip);
      if (ip === undefined || spanContains(lan, ip)) return [];
      return [ctx.model(this.id, a.path, `${a.what} ${a.ip} is outside the LAN ${ctx.env.network.lan}`, { hint: `use an address between ${intToIp(lan.first + 1)} and ${intToIp(lan.last - 1)}` })];
    });
  },
};
