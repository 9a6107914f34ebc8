import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";

const ips = { prod: "192.168.1.153", lab: "192.168.1.180" } as const;

describe.each(["prod", "lab"] as const)("traefik values in %s", (envName) => {
  const values = () => yamlOf(`values/${envName}/traefik.yaml`);

  it(`S8 A7 A1 traefik's LoadBalancer requests ${ips[envName]} from MetalLB`, () => {
    expect(values().service.type).toBe("LoadBalancer");
    expect(values().service.annotations["metallb.io/loadBalancerIPs"]).toBe(ips[envName]);
  });

  it("S5 traefik routes L7 through the Gateway API provider (standard channel) and keeps the CRD provider for TCP", () => {
    expect(values().providers.kubernetesGateway).toMatchObject({ enabled: true, experimentalChannel: false });
    expect(values().providers.kubernetesCRD.enabled).toBe(true);
    // gateway-routes owns the GatewayClass and Gateway.
    expect(values().gateway.enabled).toBe(false);
    expect(values().gatewayClass.enabled).toBe(false);
  });

  it("S9 traefik keeps ACME storage on a 1Gi nfs-client volume every replica can mount", () => {
    expect(values().persistence).toMatchObject({ enabled: true, size: "1Gi", storageClass: "nfs-client", accessMode: "ReadWriteMany" });
  });

  it("S11 traefik opens the ssh and kafka TCP entry points on its LoadBalancer", () => {
    expect(values().ports.ssh).toMatchObject({ port: 2222, exposedPort: 2222, protocol: "TCP", expose: { default: true } });
    expect(values().ports.kafka).toMatchObject({ port: 9094, exposedPort: 9094, protocol: "TCP", expose: { default: true } });
  });

  it("S7 traefik redirects HTTP to HTTPS at the web entry point", () => {
    expect(values().ports.web.redirections.entryPoint).toEqual({ to: "websecure", scheme: "https", permanent: true });
  });

  it("A1 traefik runs one replica in lab and two in prod", () => {
    expect(values().deployment.replicas).toBe(envName === "lab" ? 1 : 2);
  });
});
