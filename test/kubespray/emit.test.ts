/**
 * The Kubespray inventory (S2, S3, A2-A4, A9), read by the real `ansible-inventory` (Debian
 * ansible-core) from the generated files written to a temporary folder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generated, yamlOf } from "../support/generated.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { apiFqdn } from "../../src/core/model/derive.ts";
import { inventoryDir, kubesprayPaths } from "../../src/core/model/infra.ts";
import { KUBESPRAY_ADDON_RELEASES } from "../../src/kubespray/addons.ts";
import { knownVars } from "../../src/kubespray/known-vars.ts";

interface Inventory {
  _meta: { hostvars: Record<string, Record<string, unknown>> };
  [group: string]: { hosts?: string[]; children?: string[] } | Inventory["_meta"];
}

let dir = "";
const inventories = new Map<string, Inventory>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "streamforge-kubespray-"));
  for (const record of generated().values()) {
    if (!record.path.startsWith("kubespray/")) continue;
    mkdirSync(dirname(join(dir, record.path)), { recursive: true });
    writeFileSync(join(dir, record.path), record.content);
  }
  for (const env of streamforge.environments) {
    const out = execFileSync("ansible-inventory", ["-i", join(dir, inventoryDir(env.name)), "--list"], {
      encoding: "utf8",
      env: { ...process.env, ANSIBLE_INVENTORY_UNPARSED_FAILED: "true", ANSIBLE_NOCOLOR: "1", ANSIBLE_LOCAL_TEMP: join(dir, ".ansible-tmp") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    inventories.set(env.name, JSON.parse(out) as Inventory);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function hostsOf(inv: Inventory, group: string): string[] {
  const entry = inv[group] as { hosts?: string[] } | undefined;
  return [...(entry?.hosts ?? [])].sort();
}

describe.each(streamforge.environments.map((env) => [env.name, env] as const))("ansible-inventory -i kubespray/inventory/%s --list", (name, env) => {
  const inv = () => inventories.get(name) as Inventory;
  const control = env.nodes.filter((n) => n.role === "control-plane").map((n) => n.name).sort();
  const workers = env.nodes.filter((n) => n.role === "worker").map((n) => n.name).sort();

  it("S2 groups: kube_control_plane, kube_node, etcd on the control plane, k8s_cluster their parent", () => {
    expect(hostsOf(inv(), "kube_control_plane")).toEqual(control);
    expect(hostsOf(inv(), "kube_node")).toEqual(workers);
    expect(hostsOf(inv(), "etcd")).toEqual(control);
    expect((inv().k8s_cluster as { children?: string[] }).children?.sort()).toEqual(["kube_control_plane", "kube_node"]);
    expect(Object.keys(inv()._meta.hostvars).sort()).toEqual(env.nodes.map((n) => n.name).sort());
  });

  it("A4 every host's merged variables: its address, the user, the API VIP, the version and networks", () => {
    for (const node of env.nodes) {
      const vars = inv()._meta.hostvars[node.name] ?? {};
      expect(vars).toMatchObject({
        ansible_host: node.ip,
        ip: node.ip,
        access_ip: node.ip,
        ansible_user: env.proxmox.ciUser,
        kube_version: env.cluster.kubernetesVersion,
        kube_pods_subnet: env.cluster.podCidr,
        kube_service_addresses: env.cluster.serviceCidr,
        kube_network_node_prefix: env.cluster.nodePrefix,
        kubelet_max_pods: env.cluster.maxPods,
        kube_network_plugin: env.cluster.networkPlugin,
        kube_proxy_mode: env.cluster.proxyMode,
        kube_proxy_strict_arp: true,
        kube_vip_enabled: true,
        kube_vip_arp_enabled: true,
        kube_vip_controlplane_enabled: true,
        kube_vip_address: env.cluster.apiVip,
        loadbalancer_apiserver: { address: env.cluster.apiVip, port: env.cluster.apiPort },
        apiserver_loadbalancer_domain_name: apiFqdn(env),
      });
      expect(vars.supplementary_addresses_in_ssl_keys).toEqual([env.cluster.apiVip, apiFqdn(env)]);
      if (node.gpu) expect(vars.node_labels).toEqual(env.cluster.gpuNodeLabels);
      else expect(vars.node_labels).toBeUndefined();
      // Every add-on a Helmfile release installs is off on every host.
      for (const addon of Object.keys(KUBESPRAY_ADDON_RELEASES)) expect(vars[addon], addon).toBe(false);
    }
  });

  it("every merged variable is one Kubespray v2.28.0 knows", () => {
    const known = knownVars(env.cluster.kubesprayVersion).variables;
    for (const vars of Object.values(inv()._meta.hostvars)) {
      const unknown = Object.keys(vars).filter((v) => !(v in known) && !v.startsWith("inventory_") && v !== "groups");
      expect(unknown).toEqual([]);
    }
  });
});

describe("facts from the generated inventory", () => {
  const prod = kubesprayPaths("prod");
  const lab = kubesprayPaths("lab");

  it("S2 the cluster is deployed by the pinned Kubespray release with its default Kubernetes (A9)", () => {
    const k8s = yamlOf(prod.k8sCluster);
    expect(streamforge.environments.every((e) => e.cluster.kubesprayVersion === "v2.28.0")).toBe(true);
    expect(k8s.kube_version).toBe(knownVars("v2.28.0").kubernetes.default);
    expect(k8s.kube_version).toBe("1.32.5");
  });

  it("S3 A3 kube-vip holds the API VIP 192.168.1.100 in ARP mode on the control plane (lab 192.168.1.170)", () => {
    expect(yamlOf(prod.addons)).toMatchObject({ kube_vip_enabled: true, kube_vip_arp_enabled: true, kube_vip_controlplane_enabled: true, kube_vip_address: "192.168.1.100" });
    expect(yamlOf(lab.addons).kube_vip_address).toBe("192.168.1.170");
    expect(yamlOf(prod.all).loadbalancer_apiserver).toEqual({ address: "192.168.1.100", port: 6443 });
    expect(yamlOf(prod.k8sCluster).kube_proxy_strict_arp).toBe(true);
  });

  it("A16 the API certificate names the VIP and k2-api.dmz.home (lab k2lab-api.lab.dmz.home)", () => {
    expect(yamlOf(prod.k8sCluster).supplementary_addresses_in_ssl_keys).toEqual(["192.168.1.100", "k2-api.dmz.home"]);
    expect(yamlOf(lab.k8sCluster).supplementary_addresses_in_ssl_keys).toEqual(["192.168.1.170", "k2lab-api.lab.dmz.home"]);
  });

  it("A4 prod nodes k2m-1..3 at .101-.103 and k2w-1..9 at .111-.119, k2w-8 labelled GPU; lab k2lab-m1, k2lab-w1..2 at .171-.173", () => {
    const hosts = yamlOf(prod.hosts).all.hosts as Record<string, { ansible_host: string; node_labels?: Record<string, string> }>;
    expect(Object.fromEntries(Object.entries(hosts).map(([h, v]) => [h, v.ansible_host]))).toEqual({
      "k2m-1": "192.168.1.101", "k2m-2": "192.168.1.102", "k2m-3": "192.168.1.103",
      "k2w-1": "192.168.1.111", "k2w-2": "192.168.1.112", "k2w-3": "192.168.1.113",
      "k2w-4": "192.168.1.114", "k2w-5": "192.168.1.115", "k2w-6": "192.168.1.116",
      "k2w-7": "192.168.1.117", "k2w-8": "192.168.1.118", "k2w-9": "192.168.1.119",
    });
    expect(Object.entries(hosts).filter(([, v]) => v.node_labels).map(([h]) => h)).toEqual(["k2w-8"]);
    const labHosts = yamlOf(lab.hosts).all.hosts as Record<string, { ansible_host: string }>;
    expect(Object.fromEntries(Object.entries(labHosts).map(([h, v]) => [h, v.ansible_host]))).toEqual({
      "k2lab-m1": "192.168.1.171", "k2lab-w1": "192.168.1.172", "k2lab-w2": "192.168.1.173",
    });
  });

  it("every inventory file starts with the generated header", () => {
    for (const [path, record] of generated()) if (path.startsWith("kubespray/")) expect(record.content.split("\n", 1)[0]).toContain("Generated by `npm run gen`");
  });
});
