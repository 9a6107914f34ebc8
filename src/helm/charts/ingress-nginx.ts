import type { ValuesAdapter } from "./adapter.ts";
import type { IngressNginxValues } from "./types/ingress-nginx.ts";
import { METALLB_IPS_ANNOTATION } from "./traefik.ts";

/**
 * ingress-nginx (S6), the fallback controller: its own IngressClass, never the default one (Traefik
 * is the primary controller), and a LoadBalancer Service on its fixed address (A7), which it must
 * request because the MetalLB pool assigns none on its own. It only serves Ingresses that name its
 * class, so it never competes with Traefik for an Ingress without a class.
 */
export const ingressNginx: ValuesAdapter<IngressNginxValues> = ({ env }) => ({
  controller: {
    ingressClass: env.ingress.nginxClass,
    ingressClassResource: { name: env.ingress.nginxClass, enabled: true, default: false },
    watchIngressWithoutClass: false,
    service: {
      enabled: true,
      type: "LoadBalancer",
      annotations: { [METALLB_IPS_ANNOTATION]: env.ingress.loadBalancerIps.ingressNginx },
    },
  },
});
