import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { pointerSegments, toPointer } from "../../../core/diagnostics/locate.ts";
import { isObject, type KubeDoc, type Rule } from "../../../core/lint/context.ts";
import { endpoints } from "../../../core/lint/hosts.ts";

/** An HTTPRoute that only redirects to HTTPS needs no certificate of its own. */
function isRedirect(spec: Record<string, unknown>): boolean {
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  return rules.length > 0 && rules.every((r) => isObject(r) && Array.isArray(r.filters) && r.filters.some((f) => isObject(f) && f.type === "RequestRedirect" && isObject(f.requestRedirect) && f.requestRedirect.scheme === "https"));
}

function listenerOf(gateways: KubeDoc[], ref: Record<string, unknown>, routeNs: unknown): Array<Record<string, unknown>> {
  const ns = ref.namespace ?? routeNs;
  const gateway = gateways.find((g) => isObject(g.object.metadata) && g.object.metadata.name === ref.name && (ns === undefined || g.object.metadata.namespace === undefined || g.object.metadata.namespace === ns));
  if (!gateway || !isObject(gateway.object.spec) || !Array.isArray(gateway.object.spec.listeners)) return [];
  const listeners = gateway.object.spec.listeners.filter(isObject);
  return ref.sectionName === undefined ? listeners : listeners.filter((l) => l.name === ref.sectionName);
}

/** Every web UI is HTTPS with the internal CA (S7, A11); plain HTTP routes leak logins. */
export const missingTls: Rule = {
  id: "tls/missing",
  description: "every ingress or route serves TLS",
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const e of endpoints(ctx)) {
      if (!e.tls) out.push(ctx.at(this.id, e.site, `${e.what} serves ${e.hosts.join(", ")} without TLS`, { hint: `add a tls block with a certificate from ${ctx.env.ingress.issuer}` }));
    }
    const gateways = ctx.kubeObjects.filter((d) => d.kind === "Gateway");
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "HTTPRoute" || !isObject(doc.object.spec) || isRedirect(doc.object.spec)) continue;
      const refs = Array.isArray(doc.object.spec.parentRefs) ? doc.object.spec.parentRefs.filter(isObject) : [];
      const meta = isObject(doc.object.metadata) ? doc.object.metadata : {};
      refs.forEach((ref, i) => {
        for (const listener of listenerOf(gateways, ref, meta.namespace)) {
          const tls = isObject(listener.tls) && Array.isArray(listener.tls.certificateRefs) && listener.tls.certificateRefs.length > 0;
          if (listener.protocol === "HTTPS" && tls) continue;
          const pointer = toPointer([...pointerSegments(doc.pointer), "spec", "parentRefs", i]);
          out.push(ctx.at(this.id, { ...doc, pointer }, `HTTPRoute ${String(meta.name)} attaches to listener "${String(listener.name)}" of Gateway ${String(ref.name)}, which is ${String(listener.protocol)} without certificates`, { hint: "attach to an HTTPS listener (sectionName) or make the route an HTTPS redirect" }));
        }
      });
    }
    return out;
  },
};
