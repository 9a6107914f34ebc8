import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { parseCidr } from "../../core/model/net.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { groupHosts, groupVar } from "../../core/lint/infra.ts";
import { KUBESPRAY_GROUPS } from "../../core/model/infra.ts";

/** Kubespray's defaults where the inventory does not set a value (v2.28 role defaults). */
const DEFAULT_MAX_PODS = 110;

/**
 * Each node gets a /kube_network_node_prefix slice of the pod range: the range must hold a slice
 * for every node, and a slice must hold kubelet_max_pods addresses (network and broadcast apart).
 * Kubespray asserts both only on a running play.
 */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/node-prefix",
  description: "kube_network_node_prefix leaves a pod subnet for every node and room for kubelet_max_pods",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      const prefixVar = groupVar(files, env.name, "kube_network_node_prefix");
      const podsVar = groupVar(files, env.name, "kube_pods_subnet");
      if (!prefixVar || !podsVar) continue;
      const prefix = Number(prefixVar.value);
      const pods = parseCidr(String(podsVar.value));
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
        out.push(ctx.at(this.id, files.site(prefixVar.path, prefixVar.pointer), `kube_network_node_prefix ${JSON.stringify(prefixVar.value)} is not a prefix length (0-32)`));
        continue;
      }
      if (!pods.ok) continue; // kubespray/network-ranges reports it
      const nodes = groupHosts(files, env.name, KUBESPRAY_GROUPS.cluster).hosts.length;
      if (prefix < pods.prefix) {
        out.push(ctx.at(this.id, files.site(prefixVar.path, prefixVar.pointer), `kube_network_node_prefix /${prefix} is wider than kube_pods_subnet ${String(podsVar.value)}`, { hint: `use a prefix longer than /${pods.prefix}` }));
        continue;
      }
      const slices = 2 ** (prefix - pods.prefix);
      if (slices < nodes) {
        out.push(
          ctx.at(this.id, files.site(prefixVar.path, prefixVar.pointer), `kube_network_node_prefix /${prefix} gives ${slices} node subnets in ${String(podsVar.value)}, but the cluster has ${nodes} nodes`, {
            hint: `use a node prefix of at least /${pods.prefix + Math.ceil(Math.log2(nodes))}, or a wider pod range`,
          }),
        );
      }
      const maxPodsVar = groupVar(files, env.name, "kubelet_max_pods");
      const maxPods = maxPodsVar ? Number(maxPodsVar.value) : DEFAULT_MAX_PODS;
      const room = 2 ** (32 - prefix) - 2;
      if (room < maxPods) {
        const site = maxPodsVar ?? prefixVar;
        out.push(
          ctx.at(this.id, files.site(site.path, site.pointer), `kubelet_max_pods ${maxPods} does not fit a /${prefix} node subnet (${room} pod addresses)`, {
            hint: `use kube_network_node_prefix /${32 - Math.ceil(Math.log2(maxPods + 2))} or fewer pods per node`,
          }),
        );
      }
    }
    return out;
  },
};
