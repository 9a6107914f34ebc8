import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";

/** Kinds the Gateway API ships only in its experimental channel (v1.2 and v1.3). */
const EXPERIMENTAL = new Set(["TCPRoute", "TLSRoute", "UDPRoute", "BackendTLSPolicy", "XListenerSet", "XBackendTrafficPolicy"]);

/**
 * The pinned Traefik chart installs the standard channel only: an experimental kind has no CRD
 * in the cluster, and the release that carries it fails.
 */
export const gatewayExperimental: Rule = {
  id: "versions/gateway-experimental",
  description: "Gateway API TCPRoute/TLSRoute/UDPRoute need the experimental channel, which the platform does not install",
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const doc of ctx.kubeObjects) {
      const group = doc.apiVersion.split("/")[0] ?? "";
      if (!group.startsWith("gateway.networking.") || !EXPERIMENTAL.has(doc.kind)) continue;
      out.push(
        ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/kind` }, `${doc.kind} (${doc.apiVersion}) is only in the Gateway API experimental channel`, {
          hint: "route TCP with Traefik's IngressRouteTCP (traefik.io/v1alpha1), as the platform does for ssh and kafka",
        }),
      );
    }
    return out;
  },
};
