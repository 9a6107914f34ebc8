import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";
import { images } from "../../../src/platform/versions.ts";

const dnsIps = { prod: "192.168.1.155", lab: "192.168.1.182" } as const;
const domains = { prod: "dmz.home", lab: "lab.dmz.home" } as const;

describe.each(["prod", "lab"] as const)("technitium values in %s", (envName) => {
  const values = () => yamlOf(`values/${envName}/technitium.yaml`);

  it(`S12 A7 Technitium answers DNS on 53 TCP and UDP at ${dnsIps[envName]}`, () => {
    const dns = values().service.dns;
    expect(dns.type).toBe("LoadBalancer");
    expect(dns.annotations["metallb.io/loadBalancerIPs"]).toBe(dnsIps[envName]);
    expect(Object.values(dns.ports)).toEqual([
      { port: 53, protocol: "TCP" },
      { port: 53, protocol: "UDP" },
    ]);
  });

  it("S12 A14 Technitium runs the catalogue's image on app-template", () => {
    expect(values().controllers.main.containers.app.image).toMatchObject({ repository: images.technitium.repository, tag: images.technitium.version });
  });

  it(`S12 A11 the web console is a ClusterIP Service for dns.${domains[envName]}`, () => {
    expect(values().service.web).toMatchObject({ type: "ClusterIP", forceRename: "technitium-web", ports: { http: { port: 5380 } } });
    expect(values().controllers.main.containers.app.env.DNS_SERVER_DOMAIN).toBe(`dns.${domains[envName]}`);
  });

  it("S12 Technitium's configuration persists on a 1Gi linstor-r2 volume", () => {
    expect(values().persistence.config).toMatchObject({ type: "persistentVolumeClaim", size: "1Gi", storageClass: "linstor-r2", globalMounts: [{ path: "/etc/dns" }] });
  });

  it("A13 the admin password is a file from an existing Secret, not a value", () => {
    const env = values().controllers.main.containers.app.env;
    expect(env.DNS_SERVER_ADMIN_PASSWORD).toBeUndefined();
    expect(values().persistence["admin-password"]).toMatchObject({ type: "secret", name: "technitium-admin" });
  });
});
