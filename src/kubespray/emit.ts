/**
 * Kubespray inventory of one environment (S2), laid out like Kubespray's sample inventory:
 * `kubespray/inventory/<env>/hosts.yaml` and `group_vars/{all,k8s_cluster}/*.yml`.
 *
 * kube-vip holds the API VIP in ARP mode on the control plane (S3, A3). Add-ons that Helmfile
 * installs stay off here (see `src/kubespray/addons.ts`).
 */
import type { ClusterNode, Environment, Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { yamlContent } from "../core/yaml.ts";
import { apiFqdn } from "../core/model/derive.ts";
import {
  GUEST_INTERFACE,
  KUBESPRAY_GROUPS,
  apiEndpoint,
  controlPlaneNodes,
  etcdNodes,
  kubesprayPaths,
  nodeLabels,
  workerNodes,
} from "../core/model/infra.ts";
import { KUBESPRAY_ADDON_RELEASES, KUBESPRAY_UNUSED_ADDONS } from "./addons.ts";

function hostVars(env: Environment, node: ClusterNode): Record<string, unknown> {
  const labels = nodeLabels(env, node);
  return {
    ansible_host: node.ip,
    ip: node.ip,
    access_ip: node.ip,
    node_labels: Object.keys(labels).length ? labels : undefined,
  };
}

function members(nodes: ClusterNode[]): Record<string, Record<string, never>> {
  return Object.fromEntries(nodes.map((n) => [n.name, {}]));
}

/** `hosts.yaml`: every node with its addresses, and Kubespray's groups. */
export function hostsInventory(env: Environment): Record<string, unknown> {
  const g = KUBESPRAY_GROUPS;
  return {
    all: {
      hosts: Object.fromEntries(env.nodes.map((n) => [n.name, hostVars(env, n)])),
      children: {
        [g.controlPlane]: { hosts: members(controlPlaneNodes(env)) },
        [g.node]: { hosts: members(workerNodes(env)) },
        [g.etcd]: { hosts: members(etcdNodes(env)) },
        // Kubespray v2.28 builds this group at run time; declaring it lets `ansible-inventory`
        // (and anyone reading the file) see each host's merged variables.
        [g.cluster]: { children: { [g.controlPlane]: {}, [g.node]: {} } },
      },
    },
  };
}

/** `group_vars/all/all.yml`: how every host reaches the API server (through kube-vip). */
export function allVars(env: Environment): Record<string, unknown> {
  return {
    // The login user the VMs' cloud-init creates (A5).
    ansible_user: env.proxmox.ciUser,
    loadbalancer_apiserver: apiEndpoint(env),
    apiserver_loadbalancer_domain_name: apiFqdn(env),
  };
}

/** `group_vars/k8s_cluster/k8s-cluster.yml`: version, networks and kube-proxy. */
export function k8sClusterVars(env: Environment): Record<string, unknown> {
  const c = env.cluster;
  return {
    kube_version: c.kubernetesVersion,
    kube_network_plugin: c.networkPlugin,
    kube_service_addresses: c.serviceCidr,
    kube_pods_subnet: c.podCidr,
    kube_network_node_prefix: c.nodePrefix,
    kubelet_max_pods: c.maxPods,
    kube_proxy_mode: c.proxyMode,
    container_manager: c.containerRuntime,
    // kube-vip's ARP mode and MetalLB's L2 mode both answer ARP for addresses that kube-proxy
    // (IPVS) would otherwise answer on every node.
    kube_proxy_strict_arp: true,
    supplementary_addresses_in_ssl_keys: [c.apiVip, apiFqdn(env)],
    // The GPU operator installs the NVIDIA driver and device plugin (S36).
    nvidia_accelerator_enabled: false,
  };
}

/** `group_vars/k8s_cluster/addons.yml`: kube-vip on, everything Helmfile installs off. */
export function addonVars(env: Environment): Record<string, unknown> {
  const off = Object.fromEntries(
    [...KUBESPRAY_UNUSED_ADDONS, ...Object.keys(KUBESPRAY_ADDON_RELEASES)]
      .filter((name) => name !== "nvidia_accelerator_enabled")
      .map((name) => [name, false]),
  );
  return {
    ...off,
    kube_vip_enabled: true,
    kube_vip_controlplane_enabled: true,
    kube_vip_arp_enabled: true,
    // LoadBalancer Services belong to MetalLB (S4).
    kube_vip_services_enabled: false,
    kube_vip_address: env.cluster.apiVip,
    kube_vip_interface: GUEST_INTERFACE,
  };
}

export function emitKubespray(_platform: Platform, env: Environment): FileRecord[] {
  const paths = kubesprayPaths(env.name);
  const file = (path: string, data: Record<string, unknown>): FileRecord => ({ path, ...yamlContent(data), env: env.name });
  return [
    file(paths.hosts, hostsInventory(env)),
    file(paths.all, allVars(env)),
    file(paths.k8sCluster, k8sClusterVars(env)),
    file(paths.addons, addonVars(env)),
  ];
}
