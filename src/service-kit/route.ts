/**
 * The service's web host (A11): `<label>.<domain>`, a cert-manager Certificate from the platform's
 * ClusterIssuer, an Ingress served by Traefik, and the DNS record pointing at Traefik.
 *
 * Why an Ingress and not an HTTPRoute: the platform's Gateway has one HTTPS listener per host it
 * knows, each admitting routes from one namespace; a service repository cannot add a listener to
 * the platform's Gateway. Traefik's Kubernetes Ingress provider is on (the traefik values), so an
 * Ingress in the service's namespace, with its certificate's Secret beside it, needs nothing from
 * the platform repository.
 */
import type { KubeObject } from "../helm/manifests/kube.ts";
import { managedLabels } from "../helm/manifests/kube.ts";
import { releaseOf, tlsSecretOf, type Context } from "../core/model/derive.ts";
import type { DnsRecord } from "../core/model/dns.ts";
import type { Fqdn } from "../core/model/types.ts";
import { chartFullname } from "../helm/charts/web-backends.ts";
import { serviceNamespace } from "./kafka.ts";
import type { ServiceSpec } from "./types.ts";
import { settingsOf } from "../core/model/components.ts";

export function serviceHostName(ctx: Context, spec: ServiceSpec): Fqdn | undefined {
  return spec.host ? `${spec.host.label}.${ctx.env.domain}` : undefined;
}

export function certificate(ctx: Context, spec: ServiceSpec): KubeObject | undefined {
  const fqdn = serviceHostName(ctx, spec);
  if (!fqdn) return undefined;
  return {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: { name: fqdn.replaceAll(".", "-"), namespace: serviceNamespace(spec), labels: managedLabels(spec.name) },
    spec: {
      secretName: tlsSecretOf(fqdn),
      commonName: fqdn,
      dnsNames: [fqdn],
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: ctx.env.ingress.issuer },
    },
  };
}

/** Traefik's IngressClass: the chart names it after its fullname (`ingressClass.name` is unset). */
function traefikIngressClass(ctx: Context): string {
  return chartFullname(releaseOf(ctx.platform, "traefik").name, "traefik", {});
}

export function ingress(ctx: Context, spec: ServiceSpec): KubeObject | undefined {
  const fqdn = serviceHostName(ctx, spec);
  if (!fqdn || !spec.host) return undefined;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: spec.name, namespace: serviceNamespace(spec), labels: managedLabels(spec.name) },
    spec: {
      ingressClassName: traefikIngressClass(ctx),
      tls: [{ hosts: [fqdn], secretName: tlsSecretOf(fqdn) }],
      rules: [
        {
          host: fqdn,
          http: {
            paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: spec.host.service ?? spec.name, port: { number: spec.host.port } } } }],
          },
        },
      ],
    },
  };
}

/** The A record of the host: Traefik's LoadBalancer IP, like every web UI of the platform. */
export function dnsRecord(ctx: Context, spec: ServiceSpec): DnsRecord | undefined {
  const fqdn = serviceHostName(ctx, spec);
  if (!fqdn) return undefined;
  return { name: fqdn, type: "A", address: ctx.env.ingress.loadBalancerIps.traefik, ttl: settingsOf(ctx.env, "dns").zone.ttl, source: { kind: "web", ui: spec.name } };
}
