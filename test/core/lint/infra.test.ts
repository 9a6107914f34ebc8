/**
 * The infrastructure readers the Kubespray and Proxmox rules share: the inventory's variables,
 * read once per run and environment, and VM specs looked up by path.
 */
import { describe, expect, it } from "vitest";
import { LintFile, OutputFiles, type VmSpecRead } from "../../../src/core/lint/context.ts";
import { groupVar, specByPath, writtenVars } from "../../../src/core/lint/infra.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";

const allYml = (env: string) => `kubespray/inventory/${env}/group_vars/all/all.yml`;
const file = (path: string, data: unknown) => new LintFile(path, "", "other", undefined, [data]);

describe("writtenVars", () => {
  it("reads each run's own files: a second run of other content is not answered from the first", () => {
    const first = new OutputFiles([file(allYml("lab"), { kube_version: "v1.32.0" })]);
    const second = new OutputFiles([file(allYml("lab"), { kube_version: "v1.33.1" })]);
    expect(groupVar(first, "lab", "kube_version")?.value).toBe("v1.32.0");
    expect(groupVar(second, "lab", "kube_version")?.value).toBe("v1.33.1");
    // And each environment of a run its own inventory.
    expect(writtenVars(first, "prod")).toEqual([]);
  });

  it("gives one run's environment the same variables on every ask, host variables of hosts.yaml included", () => {
    const files = new OutputFiles([
      file(allYml("lab"), { a: 1 }),
      file("kubespray/inventory/lab/hosts.yaml", { all: { hosts: { n1: { ip: "10.0.0.1" } }, children: { g: { vars: { b: 2 } } } } }),
    ]);
    const vars = writtenVars(files, "lab");
    expect(vars.map((v) => [v.name, v.pointer])).toEqual([["a", ["a"]], ["ip", ["all", "hosts", "n1", "ip"]], ["b", ["all", "children", "g", "vars", "b"]]]);
    expect(writtenVars(files, "lab")).toBe(vars);
  });
});

describe("specByPath", () => {
  it("finds the first spec at a path, as a search of the list does, and none at another", () => {
    const env = streamforge.environments[0]!;
    const spec = (path: string, node: string): VmSpecRead => ({ env, path, node, params: {} });
    const specs = [spec("proxmox/lab/vms/a.yaml", "pve1"), spec("proxmox/lab/vms/b.yaml", "pve2"), spec("proxmox/lab/vms/a.yaml", "pve3")];
    const at = specByPath(specs);
    expect(at("proxmox/lab/vms/a.yaml")).toBe(specs[0]);
    expect(at("proxmox/lab/vms/b.yaml")).toBe(specs[1]);
    expect(at("proxmox/lab/vms/c.yaml")).toBeUndefined();
  });
});
