import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { type Span, formatSpan, parseCidr, spansOverlap } from "../../core/model/net.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { type WrittenVar, groupVar } from "../../core/lint/infra.ts";

const RANGES = ["kube_pods_subnet", "kube_service_addresses"] as const;

/**
 * Pod and Service ranges must be networks (no host bits), must not overlap each other, and must
 * not overlap the LAN (A2): a node could no longer reach its neighbours' addresses.
 */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/network-ranges",
  description: "kube_pods_subnet and kube_service_addresses are valid networks, disjoint from each other and from the LAN",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const spans: Array<{ v: WrittenVar; span: Span }> = [];
      for (const name of RANGES) {
        const v = groupVar(files, env.name, name);
        if (!v) continue;
        const parsed = parseCidr(String(v.value));
        if (!parsed.ok) {
          out.push(ctx.at(this.id, files.site(v.path, v.pointer), `${name}: ${parsed.reason}`, parsed.suggestion ? { hint: `did you mean ${parsed.suggestion}?` } : {}));
          continue;
        }
        spans.push({ v, span: parsed.span });
      }
      const [a, b] = spans;
      if (a && b && spansOverlap(a.span, b.span)) {
        out.push(
          ctx.at(this.id, files.site(b.v.path, b.v.pointer), `${b.v.name} ${String(b.v.value)} overlaps ${a.v.name} ${String(a.v.value)}`, {
            hint: "give Services and pods disjoint ranges (Kubespray's defaults are 10.233.0.0/18 and 10.233.64.0/18)",
          }),
        );
      }
      const lan = parseCidr(env.network.lan);
      if (lan.ok) {
        for (const { v, span } of spans) {
          if (spansOverlap(span, lan.span)) {
            out.push(ctx.at(this.id, files.site(v.path, v.pointer), `${v.name} ${String(v.value)} overlaps the LAN ${env.network.lan} (${formatSpan(lan.span)})`, { hint: "pick a private range outside the LAN" }));
          }
        }
      }
    }
    return out;
  },
};
