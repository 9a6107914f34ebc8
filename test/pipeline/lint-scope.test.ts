/**
 * `lint --env X` does the work of X and of the shared files only. The platform rules (Kubespray,
 * Proxmox) check X's files; the rules comparing environments on the shared Proxmox hosts (one
 * VMID space, one MAC space, the hosts' capacity) read the other environments' VMs from the model
 * (`scopedTo`), never their generated files. Their findings in X's files are the full run's.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.ts";
import { lint, scopedTo } from "../../src/pipeline/lint.ts";
import { LintContext, LintFile } from "../../src/core/lint/context.ts";
import type { Diagnostic } from "../../src/core/diagnostics/types.ts";
import type { FileRecord } from "../../src/core/files.ts";
import type { Platform } from "../../src/core/model/types.ts";
import { kubesprayRules } from "../../src/kubespray/rules/index.ts";
import { proxmoxRules } from "../../src/proxmox/rules/index.ts";
import { emitProxmox, vmSpecData } from "../../src/proxmox/emit.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { benchPlatform } from "../../bench/models.ts";
import { infraFixtures, variant } from "../fixtures/invalid/infra.ts";

const rules = [...kubesprayRules, ...proxmoxRules];
const fixtures = await infraFixtures();

/** What `lint --env env` keeps: findings outside the other environments' folders and files. */
function keptFor(platform: Platform, env: string): (d: Diagnostic) => boolean {
  const others = platform.environments.map((e) => e.name).filter((n) => n !== env);
  return (d) => !d.file.split("/").some((seg) => others.includes(seg) || others.some((o) => seg === `${o}.yaml`));
}

const lintFile = (r: FileRecord, original?: FileRecord) => new LintFile(r.path, r.content, "other", undefined, original && original.content === r.content ? original.documents : undefined);

/** An in-memory output tree for `lint`'s `read` and `list`. */
function tree(records: readonly FileRecord[]): { read: (path: string) => string | undefined; list: (dir: string) => string[] } {
  const files = new Map(records.map((r) => [r.path, r.content]));
  return { read: (path) => files.get(path), list: (dir) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`)) };
}

describe("platform rules scoped to one environment", () => {
  it("find in X's files what they find over every environment's files, on every invalid fixture", () => {
    let kept = 0;
    for (const [, fixture] of fixtures) {
      const platform = fixture.platform ?? streamforge;
      const generated = generate(platform);
      const edited = fixture.edit ? fixture.edit(generated) : generated;
      for (const { name } of platform.environments) {
        // The scoped run knows another environment from the model only: its hand edits are that
        // environment's to report. The full run here sees the others as generated.
        const full = edited.map((r, i) => (r.env !== undefined && r.env !== name ? generated[i]! : r));
        const mine = edited.filter((r) => r.env === undefined || r.env === name);
        const fullCtx = new LintContext(platform, full.map((r, i) => lintFile(r, generated[i])), "model");
        const scopedCtx = new LintContext(platform, mine.map((r) => lintFile(r, generated.find((g) => g.path === r.path))), "model", scopedTo(platform, name));
        const keep = keptFor(platform, name);
        for (const rule of rules) {
          const expected = rule.check(fullCtx).filter(keep);
          expect(rule.check(scopedCtx).filter(keep), `${rule.id} --env ${name}`).toEqual(expected);
          kept += expected.length;
        }
      }
    }
    // The fixtures do put findings in the checked environment's files: the comparison can fail.
    expect(kept).toBeGreaterThan(10);
  });

  it("read the other environments' VMs as emitProxmox writes them", () => {
    const platform = benchPlatform(4);
    for (const env of platform.environments) {
      const written = emitProxmox(platform, env)
        .filter((r) => r.path.includes("/vms/"))
        .map((r) => ({ path: r.path, ...(r.documents?.[0] as { node: string; params: Record<string, unknown> }) }))
        .map(({ path, node, params }) => ({ path, node, params }));
      expect(vmSpecData(platform, env)).toEqual(written);
      expect(written.length).toBe(env.nodes.length);
    }
  });
});

describe("lint --env X", () => {
  it("reads no file of another environment", async () => {
    const platform = benchPlatform(4);
    const files = tree(generate(platform));
    const read: string[] = [];
    const diagnostics = await lint(platform, { env: "lab1", read: (path) => (read.push(path), files.read(path)), list: files.list, skipModelSchema: true });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((path) => /(^|\/)(prod0|prod2|lab3)(\/|\.yaml$)/.test(path))).toEqual([]);
  });

  it("reports a VMID X takes from another environment, in X's spec; not in the other's run", async () => {
    const fixture = fixtures.find(([name]) => name === "proxmox/vmid-unique")![1];
    const platform = fixture.platform!;
    const files = tree(generate(platform));
    const clash = async (env?: string) => (await lint(platform, { ...files, ...(env ? { env } : {}), skipModelSchema: true })).filter((d) => d.rule === "proxmox/vmid-unique");
    const lab = await clash("lab");
    expect(lab.map((d) => [d.file, d.message])).toEqual([["proxmox/lab/vms/k2lab-w1.yaml", "VMID 2101 is also the VMID of proxmox/prod/vms/k2m-1.yaml"]]);
    expect(lab).toEqual(await clash());
    expect(await clash("prod")).toEqual([]);
  });

  it("reports a shared Proxmox host X's VMs push over its CPU, counting the other environment's VMs", async () => {
    // Each host holds exactly prod's vCPUs: lab's VMs (placed after prod's) are one too many.
    const prod = streamforge.environments.find((e) => e.name === "prod")!;
    const prodVcpus = (host: string) => prod.nodes.filter((n) => n.vm.host === host).reduce((sum, n) => sum + n.vm.cores, 0);
    const lab = streamforge.environments.find((e) => e.name === "lab")!;
    const host = lab.nodes[0]!.vm.host;
    const resized = (env: Platform["environments"][number]) => ({ ...env, proxmox: { ...env.proxmox, cpuOvercommit: 1, hosts: env.proxmox.hosts.map((h) => (h.name === host ? { ...h, cores: prodVcpus(host) } : h)) } });
    const platform: Platform = { ...variant("lab", resized), environments: variant("lab", resized).environments.map((e) => (e.name === "prod" ? resized(e) : e)) };
    const files = tree(generate(platform));
    const over = async (env?: string) => (await lint(platform, { ...files, ...(env ? { env } : {}), skipModelSchema: true })).filter((d) => d.rule === "proxmox/capacity" && d.message.startsWith(`${host} `));
    const found = await over("lab");
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toMatch(/^proxmox\/lab\/vms\//);
    expect(found[0]!.message).toMatch(new RegExp(`^${host} is over its CPU: .*prod/.*lab/`));
    expect(found).toEqual(await over());
    expect(await over("prod")).toEqual([]);
  });
});
