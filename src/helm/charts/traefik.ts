import type { ValuesAdapter } from "./adapter.ts";
import type { TraefikValues } from "./types/traefik.ts";
import type { Environment } from "../../core/model/types.ts";
import { settingsOf } from "../../core/model/components.ts";

/**
 * Traefik's entry points inside the pod. A Gateway listener binds to the entry point whose
 * container port equals the listener's port, so the Gateway of `gateway-routes` uses these.
 */
export const traefikEntryPoints = { web: 8000, websecure: 8443 } as const;

/** The annotation MetalLB reads to give a LoadBalancer Service a fixed address from its pools. */
export const METALLB_IPS_ANNOTATION = "metallb.io/loadBalancerIPs";

/** A storage class's RWX support decides whether several Traefik replicas can share the volume. */
function accessModeOf(env: Environment, storageClass: string): "ReadWriteMany" | "ReadWriteOnce" {
  const cls = env.storageClasses.find((c) => c.name === storageClass);
  if (!cls) throw new Error(`traefik: storage class "${storageClass}" is not one of ${env.name}'s storage classes`);
  return cls.accessModes.includes("ReadWriteMany") ? "ReadWriteMany" : "ReadWriteOnce";
}

/**
 * Traefik (S5), the primary ingress controller.
 * - L7: the Gateway API provider. GatewayClass, Gateway and HTTPRoutes are plain manifests of
 *   `gateway-routes` (one HTTPS listener per web host, S7/A11), so the chart creates neither.
 * - L4: the `ssh` and `kafka` TCP routes (S11) are IngressRouteTCP objects of the CRD provider on
 *   entry points of their own (see `manifests/gateway-routes.ts` for why not TCPRoute).
 * - The LoadBalancer Service requests its fixed address (S8): the MetalLB pool does not assign
 *   addresses on its own.
 * - HTTP is redirected to HTTPS at the entry point, before any route.
 * - The `/data` volume (ACME storage, S9) lives on the NFS class (RWX, so every replica mounts it).
 * - The dashboard (S10) is Traefik's `api@internal`, routed by `gateway-routes` on its own host.
 */
export const traefik: ValuesAdapter<TraefikValues> = ({ env }) => {
  const spec = settingsOf(env, "traefik");
  const tcpPorts = Object.fromEntries(
    env.ingress.tcpRoutes.map((route) => [
      route.name,
      { port: route.port, expose: { default: true }, exposedPort: route.port, protocol: "TCP" },
    ]),
  );
  return {
    deployment: { replicas: spec.replicas },
    podDisruptionBudget: spec.replicas > 1 ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    ingressClass: { enabled: true, isDefaultClass: true },
    providers: {
      kubernetesCRD: { enabled: true, allowCrossNamespace: false, allowExternalNameServices: false },
      kubernetesIngress: { enabled: true },
      kubernetesGateway: { enabled: true, experimentalChannel: false },
    },
    gateway: { enabled: false },
    gatewayClass: { enabled: false },
    ingressRoute: { dashboard: { enabled: false } },
    ports: {
      web: {
        port: traefikEntryPoints.web,
        redirections: { entryPoint: { to: "websecure", scheme: "https", permanent: true } },
      },
      websecure: { port: traefikEntryPoints.websecure, tls: { enabled: true } },
      ...tcpPorts,
    },
    service: {
      enabled: true,
      type: "LoadBalancer",
      annotations: { [METALLB_IPS_ANNOTATION]: env.ingress.loadBalancerIps.traefik },
    },
    persistence: {
      enabled: true,
      size: spec.acmeStorage.size,
      storageClass: spec.acmeStorage.storageClass,
      accessMode: accessModeOf(env, spec.acmeStorage.storageClass),
    },
  };
};
