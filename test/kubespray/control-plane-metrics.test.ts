/**
 * What Prometheus scrapes of the control plane (S2, S22) is what Kubespray exposes: one model
 * fact (`cluster.scrapeControlPlane`) drives the inventory and kube-prometheus-stack's values.
 */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../src/platform/streamforge.ts";
import { applyOverride } from "../../src/core/model/override.ts";
import { allVars, k8sClusterVars } from "../../src/kubespray/emit.ts";
import { kubePrometheusStack } from "../../src/helm/charts/kube-prometheus-stack.ts";
import { yamlOf } from "../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("control-plane metrics in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const kps = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`);
  const hosts = yamlOf(`kubespray/inventory/${envName}/hosts.yaml`);
  const all = yamlOf(`kubespray/inventory/${envName}/group_vars/all/all.yml`);
  const cluster = yamlOf(`kubespray/inventory/${envName}/group_vars/k8s_cluster/k8s-cluster.yml`);

  it("S22 S2 kube-proxy's metrics are bound to every address on the port Prometheus scrapes", () => {
    expect(env.cluster.scrapeControlPlane).toBe(true);
    expect(kps.kubeProxy.enabled).toBe(true);
    expect(cluster.kube_proxy_metrics_bind_address).toBe(`0.0.0.0:${kps.kubeProxy.service.targetPort}`);
  });

  it("S22 S2 etcd's metrics listener is on, and Prometheus scrapes it over HTTP at the etcd hosts' addresses", () => {
    expect(all.etcd_metrics_port).toBe(kps.kubeEtcd.service.targetPort);
    expect(kps.kubeEtcd.serviceMonitor.scheme).toBe("http");
    const etcdHosts = Object.keys(hosts.all.children.etcd.hosts);
    expect(kps.kubeEtcd.endpoints).toEqual(etcdHosts.map((name) => hosts.all.hosts[name].ip));
  });

  it("S22 the scheduler and controller manager are scraped, and the inventory keeps them bound to every address", () => {
    expect(kps.kubeScheduler.enabled).toBe(true);
    expect(kps.kubeControllerManager.enabled).toBe(true);
    // Kubespray v2.28.0 binds both to "::" unless told otherwise.
    expect(cluster.kube_scheduler_bind_address).toBeUndefined();
    expect(cluster.kube_controller_manager_bind_address).toBeUndefined();
  });

  it("S22 with the fact off, neither side exposes or scrapes them", () => {
    const off = applyOverride(env, { cluster: { scrapeControlPlane: false } });
    const values = kubePrometheusStack({ platform: streamforge, env: off }) as any;
    for (const key of ["kubeProxy", "kubeEtcd", "kubeScheduler", "kubeControllerManager"]) expect(values[key], key).toEqual({ enabled: false });
    expect(allVars(off)).not.toHaveProperty("etcd_metrics_port");
    expect(k8sClusterVars(off)).not.toHaveProperty("kube_proxy_metrics_bind_address");
  });
});
