/**
 * `docs/`: per environment, a Markdown page of Mermaid diagrams and tables drawn from the model,
 * and an index. Generated and drift-checked like every output, so the pictures never go stale.
 */
import type { Environment, Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { GENERATED_MARKER } from "../core/files.ts";
import { addressPlan, installGroups, installOrderDiagram, ipPlanDiagram, proxmoxDiagram } from "../docs/diagrams.ts";

const HEADER = `<!-- ${GENERATED_MARKER} from the @streamforge/platform model. Do not edit: change the model and regenerate. -->\n`;

const mermaid = (diagram: string) => ["```mermaid", diagram, "```"].join("\n");

export function environmentPage(platform: Platform, env: Environment): string {
  const groups = installGroups(platform, env);
  const disabled = platform.releases.filter((r) => env.disabled.includes(r.name)).map((r) => r.name);
  return [
    `# ${platform.name}: environment \`${env.name}\` (${env.domain})`,
    "",
    "## Proxmox hosts, VMs and Kubernetes nodes",
    "",
    mermaid(proxmoxDiagram(env)),
    "",
    "| node | role | IP | VM | Proxmox host | vCPU | memory | disks |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...env.nodes.map((n) => `| ${n.name} | ${n.role}${n.gpu ? " (GPU)" : ""} | ${n.ip} | ${n.vm.vmid} | ${n.vm.host} | ${n.vm.cores} | ${n.vm.memoryMiB} MiB | ${n.vm.osDiskGiB} GiB${n.vm.dataDiskGiB ? ` + ${n.vm.dataDiskGiB} GiB` : ""} |`),
    "",
    "## IP plan",
    "",
    mermaid(ipPlanDiagram(env)),
    "",
    "| address | what |",
    "| --- | --- |",
    ...addressPlan(env).map((row) => `| ${row.address} | ${row.what} |`),
    "",
    "## Helmfile install order",
    "",
    "Each group needs only earlier groups; an arrow is a `needs`.",
    "",
    mermaid(installOrderDiagram(platform, env)),
    "",
    ...groups.map((g, i) => `${i + 1}. ${g.map((r) => `\`${r.name}\``).join(", ")}`),
    ...(disabled.length ? ["", `Not installed in ${env.name}: ${disabled.map((n) => `\`${n}\``).join(", ")}.`] : []),
    "",
  ].join("\n");
}

export function docsIndex(platform: Platform): string {
  return [
    `# ${platform.name}: documentation`,
    "",
    "Drawn from the model on every `gen`:",
    "",
    ...platform.environments.map((env) => `- [${env.name}](${env.name}.md) (${env.domain}): Proxmox hosts, VMs and nodes; the IP plan; the Helmfile install order`),
    "",
  ].join("\n");
}

export function emitDocs(platform: Platform, options: { env?: string } = {}): FileRecord[] {
  // With `env`, only that environment's page is drawn (the index names every environment).
  const environments = platform.environments.filter((e) => options.env === undefined || e.name === options.env);
  return [
    { path: "docs/README.md", content: HEADER + docsIndex(platform) },
    ...environments.map((env) => ({ path: `docs/${env.name}.md`, content: HEADER + environmentPage(platform, env), env: env.name })),
  ];
}
