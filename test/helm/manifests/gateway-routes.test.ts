import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { readFileSync } from "node:fs";
import { gitSshRemote, hostOf, tlsSecretOf } from "../../../src/core/model/derive.ts";
import { dnsRecords } from "../../../src/core/model/dns.ts";
import { manifestContext } from "../../../src/helm/releases.ts";
import { resolveWebBackend, webBackends } from "../../../src/helm/charts/web-backends.ts";
import type { WebUi } from "../../../src/core/model/types.ts";
import { pathsUnder, yamlOf } from "../../support/generated.ts";
import { crdErrors } from "../../support/crd.ts";

const built = new Set(["v1", "discovery.k8s.io/v1"]);

describe.each(streamforge.environments.map((e) => e.name))("gateway-routes in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const dir = `manifests/${envName}/gateway-routes`;
  const routeReleases = streamforge.releases.filter((r) => r.name.startsWith("routes-")).map((r) => r.name);
  const paths = () => [dir, ...routeReleases.map((r) => `manifests/${envName}/${r}`)].flatMap((d) => pathsUnder(`${d}/`));
  const objects = () => paths().map((p) => yamlOf(p));
  /** A route file by name, in whichever route release holds it. */
  const routeFile = (name: string) => {
    const path = paths().find((p) => p.endsWith(`/${name}`));
    if (!path) throw new Error(`no ${name} under the route releases of ${envName}`);
    return path;
  };
  const uis = Object.keys(env.ingress.hosts) as WebUi[];
  const gateway = () => yamlOf(`${dir}/gateway-traefik-traefik.yaml`);

  it("S5 every custom resource is valid against its upstream CRD schema", () => {
    const custom = objects().filter((o) => !built.has(o.apiVersion));
    expect(custom.length).toBeGreaterThan(uis.length * 2);
    for (const object of custom) expect([object.kind, object.metadata.name, crdErrors(object)]).toEqual([object.kind, object.metadata.name, []]);
  });

  it("S5 the CRD check rejects a broken route (the test can fail)", () => {
    const route = yamlOf(routeFile(`httproute-monitoring-grafana.yaml`));
    expect(crdErrors({ ...route, spec: { ...route.spec, rules: [{ backendRefs: [{ port: 80 }] }] } })).not.toEqual([]);
  });

  it("S5 only standard-channel Gateway API v1 kinds are used", () => {
    const gatewayApi = objects().filter((o) => o.apiVersion.startsWith("gateway.networking"));
    expect(new Set(gatewayApi.map((o) => o.apiVersion))).toEqual(new Set(["gateway.networking.k8s.io/v1"]));
    expect(new Set(gatewayApi.map((o) => o.kind))).toEqual(new Set(["GatewayClass", "Gateway", "HTTPRoute"]));
  });

  it("S5 the Gateway belongs to Traefik's controller on its websecure entry point", () => {
    expect(yamlOf(`${dir}/gatewayclass-traefik.yaml`).spec.controllerName).toBe("traefik.io/gateway-controller");
    expect(gateway().spec.gatewayClassName).toBe("traefik");
    for (const listener of gateway().spec.listeners) expect([listener.protocol, listener.port]).toEqual(["HTTPS", 8443]);
    expect(yamlOf(`values/${envName}/traefik.yaml`).ports.websecure.port).toBe(8443);
  });

  it("A11 S7 every web UI host has an HTTPS listener with its own certificate from homelab-ca-issuer", () => {
    const listeners = gateway().spec.listeners;
    expect(listeners.map((l: { hostname: string }) => l.hostname).sort()).toEqual(uis.map((ui) => hostOf(env, ui)).sort());
    for (const ui of uis) {
      const fqdn = hostOf(env, ui);
      const listener = listeners.find((l: { hostname: string }) => l.hostname === fqdn);
      expect(listener.tls).toEqual({ mode: "Terminate", certificateRefs: [{ group: "", kind: "Secret", name: tlsSecretOf(fqdn) }] });
      const cert = yamlOf(`${dir}/certificate-traefik-${fqdn.replaceAll(".", "-")}.yaml`);
      expect(cert.spec).toMatchObject({ secretName: tlsSecretOf(fqdn), dnsNames: [fqdn], issuerRef: { kind: "ClusterIssuer", name: "homelab-ca-issuer" } });
    }
  });

  it("A1 lab hosts live under lab.dmz.home", () => {
    const suffix = envName === "lab" ? ".lab.dmz.home" : ".dmz.home";
    for (const l of gateway().spec.listeners) expect(l.hostname.endsWith(suffix)).toBe(true);
    if (envName === "lab") expect(gateway().spec.listeners.some((l: { hostname: string }) => l.hostname === "grafana.lab.dmz.home")).toBe(true);
  });

  it("A11 each web UI's HTTPRoute lives next to its Service and is the only route its listener admits", () => {
    for (const ui of uis) {
      const backend = resolveWebBackend(manifestContext(streamforge, env), ui);
      const route = yamlOf(routeFile(`httproute-${backend.namespace}-${ui}.yaml`));
      expect(route.spec.hostnames).toEqual([hostOf(env, ui)]);
      expect(route.spec.parentRefs).toEqual([
        { group: "gateway.networking.k8s.io", kind: "Gateway", name: "traefik", namespace: "traefik", sectionName: `https-${ui}` },
      ]);
      const listener = gateway().spec.listeners.find((l: { name: string }) => l.name === `https-${ui}`);
      expect(listener.allowedRoutes.namespaces.selector.matchLabels).toEqual({ "kubernetes.io/metadata.name": backend.namespace });
      if (backend.backend.kind === "service") {
        expect(route.spec.rules).toEqual([{ backendRefs: [{ name: backend.name, port: backend.port }] }]);
      }
    }
  });

  it("S10 the Traefik dashboard is served at /dashboard on traefik.<domain>", () => {
    const route = yamlOf(routeFile(`httproute-traefik-traefik.yaml`));
    expect(route.spec.hostnames).toEqual([`traefik.${env.domain}`]);
    expect(route.spec.rules[0].matches).toContainEqual({ path: { type: "PathPrefix", value: "/dashboard" } });
    expect(route.spec.rules[0].backendRefs).toEqual([{ group: "traefik.io", kind: "TraefikService", name: "api@internal" }]);
  });

  it("S11 A15 ssh goes from Traefik's ssh entry point to GitLab at 192.168.1.10:22", () => {
    const route = yamlOf(`${dir}/ingressroutetcp-traefik-ssh.yaml`);
    expect(route.spec).toEqual({ entryPoints: ["ssh"], routes: [{ match: "HostSNI(`*`)", services: [{ name: "gitlab-ssh", port: 22 }] }] });
    const service = yamlOf(`${dir}/service-traefik-gitlab-ssh.yaml`);
    expect(service.spec.selector).toBeUndefined();
    expect(service.spec.ports).toEqual([{ name: "ssh", port: 22, protocol: "TCP", targetPort: 22 }]);
    const slice = yamlOf(`${dir}/endpointslice-traefik-gitlab-ssh.yaml`);
    expect(slice.metadata.labels["kubernetes.io/service-name"]).toBe("gitlab-ssh");
    expect(slice.endpoints[0].addresses).toEqual(["192.168.1.10"]);
    expect(slice.ports).toEqual([{ name: "ssh", port: 22, protocol: "TCP" }]);
  });

  it("S11 ssh.<domain> names Traefik's address, so a git remote through the ssh entry point resolves", () => {
    const record = dnsRecords(streamforge, env).find((r) => r.name === `ssh.${env.domain}`);
    expect(record?.address).toBe(env.ingress.loadBalancerIps.traefik);
    const route = env.ingress.tcpRoutes.find((r) => r.name === "ssh")!;
    const traefik = yamlOf(`values/${envName}/traefik.yaml`);
    expect(traefik.ports.ssh).toMatchObject({ port: route.port, exposedPort: route.port, protocol: "TCP" });
    const remote = gitSshRemote(env, env.components.argocd.repoPath);
    expect(remote).toBe(`ssh://git@ssh.${env.domain}:${route.port}/streamforge/iac_kubeadm.git`);
    // What git would connect to: the host that has the record, on the entry point's port.
    const url = new URL(remote);
    expect([url.username, url.hostname, Number(url.port)]).toEqual(["git", record!.name, route.port]);
  });

  it("S5 S11 the README keeps the reason TCP uses Traefik's IngressRouteTCP instead of Gateway API TCPRoute", () => {
    const readme = readFileSync("README.md", "utf8");
    const decision = readme.slice(readme.indexOf("- **TCP routes (S11).**"));
    expect(decision.slice(0, 900)).toMatch(/experimental channel[\s\S]*IngressRouteTCP[\s\S]*ssh\.<domain>/);
  });

  it("S11 A10 kafka passes TLS through to the bootstrap and every broker of k3 by SNI", () => {
    const route = yamlOf(routeFile(`ingressroutetcp-kafka-kafka.yaml`));
    const replicas = env.components.kafka.replicas;
    expect(route.spec.entryPoints).toEqual(["kafka"]);
    expect(route.spec.tls).toEqual({ passthrough: true });
    expect(route.spec.routes[0]).toEqual({ match: `HostSNI(\`kafka.${env.domain}\`)`, services: [{ name: "k3-kafka-external-bootstrap", port: 9094 }] });
    expect(route.spec.routes).toHaveLength(1 + replicas);
    expect(route.spec.routes.at(-1).match).toBe(`HostSNI(\`kafka-${replicas - 1}.${env.domain}\`)`);
  });

  it("S11 the kafka route matches the Kafka cluster's external listener", () => {
    const kafka = yamlOf(`manifests/${envName}/kafka-cluster/kafka-kafka-k3.yaml`);
    const listener = kafka.spec.kafka.listeners.find((l: { name: string }) => l.name === "external");
    expect(listener).toMatchObject({ port: 9094, type: "cluster-ip", tls: true });
  });

  it("A11 each UI's route release waits for the Gateway and the release serving that UI only (one failing UI blocks one route)", () => {
    for (const ui of uis) {
      const release = streamforge.releases.find((r) => r.name === `routes-${ui}`)!;
      expect([...release.needs].sort()).toEqual(["gateway-routes", resolveWebBackend(manifestContext(streamforge, env), ui).release].sort());
      expect(release.namespace).toBe(resolveWebBackend(manifestContext(streamforge, env), ui).namespace);
    }
    expect(streamforge.releases.find((r) => r.name === "gateway-routes")!.needs).toEqual(["traefik", "cert-manager-issuers"]);
  });
});
