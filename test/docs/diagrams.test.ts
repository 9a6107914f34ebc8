import { describe, expect, it } from "vitest";
import { addressPlan, installGroups, installOrderDiagram, ipPlanDiagram, proxmoxDiagram } from "../../src/docs/diagrams.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { hasGeneratedHeader } from "../../src/core/files.ts";
import { lab, prod, streamforge } from "../../src/platform/streamforge.ts";

/** The node ids inside each `subgraph <id>` ... `end` block of a Mermaid flowchart. */
function subgraphs(diagram: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of diagram.split("\n").map((l) => l.trim())) {
    const open = /^subgraph (\w+)/.exec(line);
    if (open) out.set((current = open[1]!), []);
    else if (line === "end") current = undefined;
    else if (current) out.get(current)!.push(/^(\w+)/.exec(line)![1]!);
  }
  return out;
}

describe("docs diagrams drawn from the model", () => {
  it("put each VM inside its Proxmox host and link it to the node it is", () => {
    const diagram = proxmoxDiagram(prod);
    const hosts = subgraphs(diagram);
    for (const node of prod.nodes) {
      expect(hosts.get(`host_${node.vm.host}`), node.name).toContain(`vm_${node.vm.vmid}`);
      expect(diagram).toContain(`vm_${node.vm.vmid} --> node_${node.name.replaceAll("-", "_")}`);
    }
    expect([...hosts.keys()]).toEqual(prod.proxmox.hosts.map((h) => `host_${h.name}`));
  });

  it("list every address of the IP plan once, sorted, with the LoadBalancer IPs inside the MetalLB pool box", () => {
    const plan = addressPlan(prod).map((r) => r.address);
    const expected = [prod.network.gateway, prod.cluster.apiVip, ...prod.nodes.map((n) => n.ip), ...Object.values(prod.ingress.loadBalancerIps), prod.external.gitlab.ip, prod.external.nfs.ip];
    for (const ip of expected) expect(plan, ip).toContain(ip);
    const numeric = plan.map((a) => a.split(" ")[0]!.split(".").reduce((n, octet) => n * 256 + Number(octet), 0));
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    expect(subgraphs(ipPlanDiagram(prod)).get("pool")).toEqual(["lb_traefik", "lb_nginx", "lb_dns"]);
  });

  it("group installed releases so each needs only earlier groups; a release disabled in lab is not drawn there", () => {
    for (const env of [prod, lab]) {
      const groups = installGroups(streamforge, env);
      const groupOf = new Map(groups.flatMap((g, i) => g.map((r) => [r.name, i] as const)));
      expect(groupOf.size).toBe(streamforge.releases.filter((r) => !env.disabled.includes(r.name)).length);
      for (const [name, i] of groupOf) {
        const release = streamforge.releases.find((r) => r.name === name)!;
        for (const need of release.needs) if (groupOf.has(need)) expect(groupOf.get(need)!, `${name} needs ${need}`).toBeLessThan(i);
        // Not later than it must be: the first group, or right after its deepest need.
        const deepest = Math.max(-1, ...release.needs.map((n) => groupOf.get(n) ?? -1));
        expect(i, name).toBe(deepest + 1);
      }
    }
    expect(installOrderDiagram(streamforge, lab)).not.toContain("gpu_operator");
    expect(installOrderDiagram(streamforge, prod)).toContain("rel_gpu_operator");
  });

  it("are written as docs/<env>.md and docs/README.md with the generated header, so gen --check covers them", () => {
    const docs = generate(streamforge).filter((r) => r.path.startsWith("docs/"));
    expect(docs.map((r) => r.path)).toEqual(["docs/README.md", "docs/lab.md", "docs/prod.md"]);
    for (const d of docs) expect(hasGeneratedHeader(d.content), d.path).toBe(true);
    expect(docs.find((d) => d.path === "docs/prod.md")!.content.match(/```mermaid/g)).toHaveLength(3);
  });
});
