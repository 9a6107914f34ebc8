/**
 * Mermaid diagrams and tables drawn from the model (GitLab renders Mermaid in Markdown): the
 * Proxmox hosts with their VMs and the Kubernetes node each VM is, the IP plan, and the order
 * Helmfile installs releases in. Pure functions of the model; `emit/docs.ts` writes them.
 */
import type { Environment, Platform, Release } from "../core/model/types.ts";
import { apiFqdn, isEnabled } from "../core/model/derive.ts";
import { ipToInt } from "../core/model/net.ts";

/** A Mermaid node id from any name (ids allow letters, digits and `_`). */
const id = (prefix: string, name: string) => `${prefix}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
/** A quoted Mermaid label; `"` is the only character that needs escaping inside one. */
const label = (...lines: string[]) => `"${lines.map((l) => l.replaceAll('"', "#quot;")).join("<br/>")}"`;
const gib = (mib: number) => `${Number.isInteger(mib / 1024) ? mib / 1024 : (mib / 1024).toFixed(1)} GiB`;

/** Proxmox hosts -> VMs -> Kubernetes nodes. */
export function proxmoxDiagram(env: Environment): string {
  const lines = ["flowchart LR"];
  for (const host of env.proxmox.hosts) {
    const vms = env.nodes.filter((n) => n.vm.host === host.name);
    lines.push(`  subgraph ${id("host", host.name)}[${label(`Proxmox ${host.name}`, `${host.cores} cores, ${gib(host.memoryMiB)}${host.gpuPci ? `, GPU ${host.gpuPci}` : ""}`)}]`);
    for (const node of vms) {
      const disks = [`${node.vm.osDiskGiB} GiB OS`, ...(node.vm.dataDiskGiB ? [`${node.vm.dataDiskGiB} GiB data`] : [])].join(" + ");
      lines.push(`    ${id("vm", String(node.vm.vmid))}[${label(`VM ${node.vm.vmid}`, `${node.vm.cores} vCPU, ${gib(node.vm.memoryMiB)}`, disks)}]`);
    }
    lines.push("  end");
  }
  for (const node of env.nodes) {
    const shape = node.role === "control-plane" ? ["([", "])"] : ["[", "]"];
    lines.push(`  ${id("vm", String(node.vm.vmid))} --> ${id("node", node.name)}${shape[0]}${label(node.name, node.role + (node.gpu ? ", GPU" : ""), node.ip)}${shape[1]}`);
  }
  return lines.join("\n");
}

/** One row of the IP plan. */
export interface AddressRow {
  address: string;
  what: string;
}

/** Every address the model assigns in the LAN, sorted by address. */
export function addressPlan(env: Environment): AddressRow[] {
  const lb = env.ingress.loadBalancerIps;
  const rows: AddressRow[] = [
    { address: env.network.gateway, what: "gateway" },
    { address: env.cluster.apiVip, what: `Kubernetes API VIP (kube-vip), ${apiFqdn(env)}` },
    ...env.nodes.map((n) => ({ address: n.ip, what: `node ${n.name} (${n.role})` })),
    { address: `${env.ingress.pool.from} - ${env.ingress.pool.to}`, what: "MetalLB L2 pool" },
    { address: lb.traefik, what: "LoadBalancer: Traefik (web UIs, TCP routes)" },
    { address: lb.ingressNginx, what: "LoadBalancer: ingress-nginx (fallback)" },
    { address: lb.dns, what: "LoadBalancer: Technitium DNS" },
    ...Object.entries(env.external).map(([name, host]) => ({ address: host.ip, what: `external ${name}: ${host.fqdn}` })),
  ];
  const start = (row: AddressRow) => ipToInt(row.address.split(" ")[0]!);
  return rows.sort((a, b) => start(a) - start(b));
}

/** LAN, VIP, MetalLB pool with its LoadBalancer IPs, nodes and external hosts. */
export function ipPlanDiagram(env: Environment): string {
  const lb = env.ingress.loadBalancerIps;
  const lines = [
    "flowchart TB",
    `  lan[${label(`LAN ${env.network.lan}`, `gateway ${env.network.gateway}`)}]`,
    `  vip([${label("API VIP", env.cluster.apiVip)}])`,
    "  lan --- vip",
    `  subgraph nodes[${label("nodes")}]`,
    ...env.nodes.map((n) => `    ${id("node", n.name)}[${label(n.name, n.ip)}]`),
    "  end",
    "  lan --- nodes",
    "  vip -.-> " + env.nodes.filter((n) => n.role === "control-plane").map((n) => id("node", n.name)).join(" & "),
    `  subgraph pool[${label("MetalLB pool", `${env.ingress.pool.from} - ${env.ingress.pool.to}`)}]`,
    `    lb_traefik[${label("Traefik", lb.traefik)}]`,
    `    lb_nginx[${label("ingress-nginx", lb.ingressNginx)}]`,
    `    lb_dns[${label("Technitium DNS", lb.dns)}]`,
    "  end",
    "  lan --- pool",
    `  subgraph external[${label("outside the cluster")}]`,
    ...Object.entries(env.external).map(([name, host]) => `    ${id("ext", name)}[${label(host.fqdn, host.ip)}]`),
    "  end",
    "  lan --- external",
  ];
  return lines.join("\n");
}

/**
 * The installed releases in install groups: a release's group is one more than the deepest
 * group of what it needs, so each group only needs earlier groups (what Helmfile's DAG allows
 * to run in parallel).
 */
export function installGroups(platform: Platform, env: Environment): Release[][] {
  const installed = platform.releases.filter((r) => isEnabled(env, r));
  const byName = new Map(installed.map((r) => [r.name, r]));
  const depth = new Map<string, number>();
  const visit = (release: Release, path: string[]): number => {
    const known = depth.get(release.name);
    if (known !== undefined) return known;
    if (path.includes(release.name)) throw new Error(`needs cycle: ${[...path, release.name].join(" -> ")}`);
    const needs = release.needs.map((n) => byName.get(n)).filter((r): r is Release => r !== undefined);
    const d = needs.length ? 1 + Math.max(...needs.map((n) => visit(n, [...path, release.name]))) : 0;
    depth.set(release.name, d);
    return d;
  };
  const groups: Release[][] = [];
  for (const release of installed) (groups[visit(release, [])] ??= []).push(release);
  return groups.map((g) => g ?? []);
}

/** The Helmfile release DAG, one subgraph per install group. */
export function installOrderDiagram(platform: Platform, env: Environment): string {
  const groups = installGroups(platform, env);
  const installed = new Set(groups.flat().map((r) => r.name));
  const lines = ["flowchart LR"];
  groups.forEach((group, i) => {
    lines.push(`  subgraph ${id("group", String(i + 1))}[${label(`group ${i + 1}`)}]`);
    for (const r of group) lines.push(`    ${id("rel", r.name)}[${label(r.name, r.namespace)}]`);
    lines.push("  end");
  });
  for (const r of groups.flat()) for (const need of r.needs) if (installed.has(need)) lines.push(`  ${id("rel", need)} --> ${id("rel", r.name)}`);
  return lines.join("\n");
}
