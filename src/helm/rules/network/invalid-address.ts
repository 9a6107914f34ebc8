import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { ipToInt, isIPv4, parseCidr } from "../../../core/model/net.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { modelAddresses } from "./addresses.ts";

/** Every address is a dotted quad and every network a CIDR without host bits. */
export const invalidAddress: Rule = {
  id: "network/invalid-address",
  description: "every address of the model is a valid IPv4 address and every network a valid CIDR",
  aboutModel: true,
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const a of modelAddresses(ctx)) {
      if (!isIPv4(a.ip)) out.push(ctx.model(this.id, a.path, `${a.what} "${a.ip}" is not an IPv4 address`, { hint: "write a dotted quad such as 192.168.1.10" }));
    }
    const { env } = ctx;
    const networks: Array<[string, string, Array<string | number>]> = [
      ["LAN", env.network.lan, ["network", "lan"]],
      ["pod CIDR", env.cluster.podCidr, ["cluster", "podCidr"]],
      ["service CIDR", env.cluster.serviceCidr, ["cluster", "serviceCidr"]],
    ];
    for (const [what, cidr, path] of networks) {
      const parsed = parseCidr(cidr);
      if (!parsed.ok) out.push(ctx.model(this.id, path, `${what}: ${parsed.reason}`, parsed.suggestion ? { hint: `did you mean ${parsed.suggestion}?` } : {}));
    }
    const { from, to } = env.ingress.pool;
    if (isIPv4(from) && isIPv4(to) && ipToInt(from) > ipToInt(to)) {
      out.push(ctx.model(this.id, ["ingress", "pool"], `MetalLB pool ${from}-${to} ends before it starts`, { hint: "swap from and to" }));
    }
    return out;
  },
};
