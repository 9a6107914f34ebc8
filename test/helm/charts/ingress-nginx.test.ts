import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";

const ips = { prod: "192.168.1.154", lab: "192.168.1.181" } as const;

describe.each(["prod", "lab"] as const)("ingress-nginx values in %s", (envName) => {
  const controller = () => yamlOf(`values/${envName}/ingress-nginx.yaml`).controller;

  it(`S6 A7 ingress-nginx's LoadBalancer requests ${ips[envName]}`, () => {
    expect(controller().service.type).toBe("LoadBalancer");
    expect(controller().service.annotations["metallb.io/loadBalancerIPs"]).toBe(ips[envName]);
  });

  it("S6 ingress-nginx is the fallback: IngressClass nginx, not the default class", () => {
    expect(controller().ingressClassResource).toMatchObject({ name: "nginx", enabled: true, default: false });
    expect(controller().ingressClass).toBe("nginx");
    expect(controller().watchIngressWithoutClass).toBe(false);
  });
});
