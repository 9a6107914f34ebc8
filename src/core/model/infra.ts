/**
 * Derived facts of the layers under the charts: the Kubernetes nodes as Kubespray sees them and
 * the Proxmox VMs they run in (S1-S3, A2-A6). Kubespray, Proxmox and cloud-init emitters and the
 * cross-layer checks all read these, so the three layers cannot disagree.
 */
import type { ClusterNode, Environment, Fqdn, IPv4 } from "./types.ts";

/** Kubespray's inventory group names (v2.28). */
export const KUBESPRAY_GROUPS = {
  controlPlane: "kube_control_plane",
  node: "kube_node",
  etcd: "etcd",
  cluster: "k8s_cluster",
} as const;

/** Control-plane nodes, in model order. */
export function controlPlaneNodes(env: Environment): ClusterNode[] {
  return env.nodes.filter((n) => n.role === "control-plane");
}

/** Worker nodes, in model order. */
export function workerNodes(env: Environment): ClusterNode[] {
  return env.nodes.filter((n) => n.role === "worker");
}

/** etcd runs stacked on the control plane (Kubespray's default topology). */
export function etcdNodes(env: Environment): ClusterNode[] {
  return controlPlaneNodes(env);
}

/** A node's host name under the environment's domain. */
export function nodeFqdn(env: Environment, node: ClusterNode): Fqdn {
  return `${node.name}.${env.domain}`;
}

/** Labels Kubespray applies to a node (`node_labels`): the GPU labels on GPU nodes (A4). */
export function nodeLabels(env: Environment, node: ClusterNode): Record<string, string> {
  return node.gpu ? { ...env.cluster.gpuNodeLabels } : {};
}

/** Prefix length of the LAN (A2), used for each VM's static address. */
export function lanPrefix(env: Environment): number {
  const bits = Number(env.network.lan.split("/")[1]);
  if (!Number.isInteger(bits)) throw new Error(`environment ${env.name}: LAN "${env.network.lan}" has no prefix length`);
  return bits;
}

/** The guest's name of `net0`: Proxmox's cloud-init network config names NICs `eth<n>` by MAC. */
export const GUEST_INTERFACE = "eth0";

/**
 * The MAC of a VM's `net0`: the pinned one, else one derived from the VMID, so DHCP reservations
 * and ARP tables survive a re-created VM. `02:` marks a locally administered unicast address;
 * the VMID fills the last three bytes, so distinct VMIDs (below 2^24) give distinct MACs.
 */
export function vmMac(node: ClusterNode): string {
  if (node.vm.mac) return node.vm.mac.toUpperCase();
  const id = node.vm.vmid;
  const bytes = [0x02, 0x00, 0x00, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join(":");
}

/** File name of a VM's cloud-init user-data in the Proxmox snippet storage. */
export function userDataSnippet(env: Environment, node: ClusterNode): string {
  return `${env.name}-${node.name}-user-data.yaml`;
}

/** The address the API server is reached at through kube-vip (S3, A3). */
export function apiEndpoint(env: Environment): { address: IPv4; port: number } {
  return { address: env.cluster.apiVip, port: env.cluster.apiPort };
}

/** The inventory folder of an environment, as `ansible-playbook -i` takes it. */
export function inventoryDir(env: string): string {
  return `kubespray/inventory/${env}`;
}

/** Paths of the inventory files, relative to the output root. */
export function kubesprayPaths(env: string) {
  const dir = inventoryDir(env);
  return {
    hosts: `${dir}/hosts.yaml`,
    all: `${dir}/group_vars/all/all.yml`,
    k8sCluster: `${dir}/group_vars/k8s_cluster/k8s-cluster.yml`,
    addons: `${dir}/group_vars/k8s_cluster/addons.yml`,
  };
}

/** Paths of the Proxmox files of an environment, relative to the output root. */
export function proxmoxPaths(env: string) {
  const dir = `proxmox/${env}`;
  return {
    dir,
    spec: (node: string) => `${dir}/vms/${node}.yaml`,
    userData: (node: string) => `${dir}/cloud-init/${node}.yaml`,
    script: `${dir}/create-vms.sh`,
  };
}
