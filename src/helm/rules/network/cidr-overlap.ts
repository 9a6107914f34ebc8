import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { parseCidr, spansOverlap } from "../../../core/model/net.ts";
import type { Rule } from "../../../core/lint/context.ts";

/** Overlapping pod, service and LAN networks make routes ambiguous. */
export const cidrOverlap: Rule = {
  id: "network/cidr-overlap",
  description: "pod and service CIDRs do not overlap each other or the LAN",
  aboutModel: true,
  check(ctx) {
    const { env } = ctx;
    const nets: Array<[string, string, Array<string | number>]> = [
      ["pod CIDR", env.cluster.podCidr, ["cluster", "podCidr"]],
      ["service CIDR", env.cluster.serviceCidr, ["cluster", "serviceCidr"]],
      ["LAN", env.network.lan, ["network", "lan"]],
    ];
    const out: Diagnostic[] = [];
    for (let i = 0; i < nets.length; i++) {
      for (let j = i + 1; j < nets.length; j++) {
        const [aName, aCidr, aPath] = nets[i]!;
        const [bName, bCidr] = nets[j]!;
        const a = parseCidr(aCidr);
        const b = parseCidr(bCidr);
        if (a.ok && b.ok && spansOverlap(a.span, b.span)) {
          out.push(ctx.model(this.id, aPath, `${aName} ${aCidr} overlaps ${bName} ${bCidr}`, { hint: "use disjoint networks (Kubespray's defaults are 10.233.64.0/18 and 10.233.0.0/18)" }));
        }
      }
    }
    return out;
  },
};
