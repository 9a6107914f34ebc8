import { describeSource, dnsRecords } from "../../core/model/dns.ts";
import { cidrSpan, ipToInt, isIPv4, spanContains } from "../../core/model/net.ts";
import type { Rule } from "../../core/lint/context.ts";
import { atRecord } from "./records.ts";

/** The zone only serves the LAN: an address outside it is a typo or a host the LAN cannot reach. */
export const recordOutsideLan: Rule = {
  id: "dns/record-outside-lan",
  description: "every DNS record's address is inside the environment's LAN",
  check(ctx) {
    const lan = cidrSpan(ctx.env.network.lan);
    return dnsRecords(ctx.platform, ctx.env)
      .filter((r) => !isIPv4(r.address) || !spanContains(lan, ipToInt(r.address)))
      .map((r) =>
        atRecord(ctx, this.id, r, `${r.name} -> ${r.address} is outside the LAN ${ctx.env.network.lan}`, `fix the address of the model's ${describeSource(r.source)}`),
      );
  },
};
