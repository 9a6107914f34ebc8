/**
 * The Proxmox output (S1, A5, A6): every VM parameter against the API description, every
 * user-data file through the real `cloud-init schema` (Debian cloud-init), and `create-vms.sh`
 * through `shellcheck`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileText, generated, pathsUnder, yamlOf } from "../support/generated.ts";
import { hasReference, referencePath } from "../support/reference.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { proxmoxPaths } from "../../src/core/model/infra.ts";
import { checkParam, proxmoxParams } from "../../src/proxmox/params.ts";
import { deriveProxmoxParams } from "../../src/proxmox/params-schema.ts";
import { hasGeneratedHeader } from "../../src/core/files.ts";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "streamforge-proxmox-"));
  for (const record of generated().values()) {
    if (!record.path.startsWith("proxmox/")) continue;
    mkdirSync(dirname(join(dir, record.path)), { recursive: true });
    writeFileSync(join(dir, record.path), record.content);
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const specPaths = pathsUnder("proxmox/").filter((p) => p.includes("/vms/"));
const userDataPaths = pathsUnder("proxmox/").filter((p) => p.includes("/cloud-init/"));
const scripts = pathsUnder("proxmox/").filter((p) => p.endsWith("create-vms.sh"));

describe("VM specs against the Proxmox VE API (POST /nodes/{node}/qemu)", () => {
  it("the checker rejects what the API rejects", () => {
    expect(checkParam("cores", 0)).toMatch(/below the minimum 1/);
    expect(checkParam("net0", "model=virtio,bridge=vmbr0,macaddr=01:00:00:00:00:01")).toMatch(/multicast/);
    expect(checkParam("net32", "model=virtio")).toMatch(/not a parameter/);
    expect(checkParam("ipconfig0", "ip=192.168.1.300/24")).toMatch(/not an IPv4 address/);
    expect(checkParam("scsihw", "virtio")).toMatch(/not one of/);
    expect(checkParam("machine", "q36")).toMatch(/does not match/);
    expect(checkParam("tags", "a b;Ü")).toMatch(/invalid tags/);
    expect(checkParam("hostpci0", "host=0000:01:00,pcie=2")).toMatch(/not a boolean/);
    expect(checkParam("memory", 8192)).toBeUndefined();
  });

  it.each(specPaths)("%s: every parameter name and value format is the API's", (path) => {
    const params = yamlOf(path).params as Record<string, string | number>;
    const errors = Object.entries(params).flatMap(([name, value]) => {
      const error = checkParam(name, value);
      return error ? [`${name}: ${error}`] : [];
    });
    expect(errors).toEqual([]);
  });

  it.runIf(hasReference("proxmox", "qemu-create-params.json"))("the same holds against the API description derived afresh from the reference", () => {
    const api = deriveProxmoxParams(referencePath("proxmox"));
    for (const path of specPaths) {
      for (const [name, value] of Object.entries(yamlOf(path).params as Record<string, string | number>)) expect(checkParam(name, value, api), `${path} ${name}`).toBeUndefined();
    }
    expect(api.parameters).toEqual(proxmoxParams().parameters);
  });

  it("no spec holds an SSH key: sshkeys is a file reference outside the API parameters", () => {
    for (const path of specPaths) {
      const spec = yamlOf(path);
      expect(spec.params.sshkeys).toBeUndefined();
      expect(spec.files.sshkeys).toBe("~/.ssh/id_ed25519.pub");
      expect(fileText(path)).not.toMatch(/ssh-(ed25519|rsa)|ecdsa-sha2/);
    }
  });
});

describe("cloud-init user-data", () => {
  // Each file is checked as the VM receives it: with the key create-vms.sh appends. Without the
  // key it is the same mapping less one optional top-level key, so valid too. (One run per file:
  // cloud-init takes one file per call and needs seconds to start.)
  it.each(userDataPaths)("cloud-init schema accepts %s with the key create-vms.sh appends", (path) => {
    const composed = join(dir, `${path}.with-key`);
    writeFileSync(composed, `${fileText(path)}ssh_authorized_keys:\n  - 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHkey test@example'\n`);
    const result = spawnSync("cloud-init", ["schema", "--config-file", composed], { encoding: "utf8" });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("Valid cloud-config");
  });

  it("cloud-init schema rejects a broken user-data (the check can fail)", () => {
    const bad = join(dir, "bad-user-data.yaml");
    writeFileSync(bad, "#cloud-config\npackages: qemu-guest-agent\nusers: 3\n");
    expect(spawnSync("cloud-init", ["schema", "--config-file", bad], { encoding: "utf8" }).status).not.toBe(0);
  });

  it("user-data: #cloud-config first, the generated header second, host name, user and qemu-guest-agent", () => {
    for (const env of streamforge.environments) {
      for (const node of env.nodes) {
        const path = proxmoxPaths(env.name).userData(node.name);
        const text = fileText(path);
        expect(text.split("\n", 1)[0]).toBe("#cloud-config");
        expect(hasGeneratedHeader(text)).toBe(true);
        const data = yamlOf(path);
        expect(data).toMatchObject({ hostname: node.name, fqdn: `${node.name}.${env.domain}`, user: { name: env.proxmox.ciUser }, packages: ["qemu-guest-agent"] });
      }
    }
  });
});

describe("create-vms.sh", () => {
  it.each(scripts)("shellcheck finds nothing in %s", (path) => {
    const result = spawnSync("shellcheck", ["--shell=bash", join(dir, path)], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it.each(scripts)("%s is valid bash and creates every VM of its environment once", (path) => {
    execFileSync("bash", ["-n", join(dir, path)]);
    const env = streamforge.environments.find((e) => path === proxmoxPaths(e.name).script);
    const calls = [...fileText(path).matchAll(/^create_vm (\d+) (\S+) (\S+) /gm)].map((m) => [Number(m[1]), m[2], m[3]]);
    expect(calls).toEqual(env?.nodes.map((n) => [n.vm.vmid, n.name, n.vm.host]));
  });

  it("skips what exists, clones from template 9000, migrates, sets, resizes and starts", () => {
    const text = fileText("proxmox/prod/create-vms.sh");
    expect(text.split("\n", 2)[0]).toBe("#!/usr/bin/env bash");
    expect(hasGeneratedHeader(text)).toBe(true);
    for (const step of ["vm_exists \"$vmid\"", "qm clone \"$template_vmid\"", "qm migrate", "qm set \"$vmid\" --sshkeys", "qm resize \"$vmid\" scsi0", "qm start"]) expect(text).toContain(step);
    expect(text).toContain("template_vmid=9000");
  });
});

describe("facts from the generated VM specs", () => {
  const prodSpec = (name: string) => yamlOf(proxmoxPaths("prod").spec(name));

  it("S1 every Kubernetes node is a Proxmox VM with a spec and user-data", () => {
    for (const env of streamforge.environments) {
      for (const node of env.nodes) {
        expect(generated().has(proxmoxPaths(env.name).spec(node.name))).toBe(true);
        expect(generated().has(proxmoxPaths(env.name).userData(node.name))).toBe(true);
      }
      expect(pathsUnder(`proxmox/${env.name}/vms/`)).toHaveLength(env.nodes.length);
    }
  });

  it("A2 every VM has a static address in 192.168.1.0/24 with gateway 192.168.1.1", () => {
    for (const path of specPaths) expect(yamlOf(path).params.ipconfig0).toMatch(/^ip=192\.168\.1\.\d+\/24,gw=192\.168\.1\.1$/);
  });

  it("A5 clones of template 9000 on pve1..3, bridge vmbr0, disks on local-lvm; VMIDs 2101.. prod, 3101.. lab; control planes one per Proxmox node; k2w-8 on pve3 with GPU 0000:01:00", () => {
    for (const path of specPaths) {
      const spec = yamlOf(path);
      expect(spec.template.vmid).toBe(9000);
      expect(["pve1", "pve2", "pve3"]).toContain(spec.node);
      expect(spec.params.net0).toContain("bridge=vmbr0");
      expect(spec.params.scsi0).toMatch(/^local-lvm:/);
      expect(spec.params.vmid).toBeGreaterThanOrEqual(path.startsWith("proxmox/prod/") ? 2101 : 3101);
      expect(spec.params.vmid).toBeLessThan(path.startsWith("proxmox/prod/") ? 3000 : 4000);
    }
    expect(["k2m-1", "k2m-2", "k2m-3"].map((n) => prodSpec(n).node).sort()).toEqual(["pve1", "pve2", "pve3"]);
    const gpu = prodSpec("k2w-8");
    expect(gpu.node).toBe("pve3");
    expect(gpu.params).toMatchObject({ machine: "q35", hostpci0: "host=0000:01:00,pcie=1" });
  });

  it("A6 sizes: control plane 4 vCPU / 8 GiB / 64 GiB; worker 8 / 32 GiB / 128 GiB + 200 GiB Linstor disk; GPU worker 16 / 64 GiB", () => {
    expect(prodSpec("k2m-1").params).toMatchObject({ cores: 4, memory: "8192", scsi0: "local-lvm:64" });
    expect(prodSpec("k2m-1").params.scsi1).toBeUndefined();
    expect(prodSpec("k2w-1").params).toMatchObject({ cores: 8, memory: "32768", scsi0: "local-lvm:128", scsi1: "local-lvm:200,backup=0" });
    expect(prodSpec("k2w-8").params).toMatchObject({ cores: 16, memory: "65536" });
  });
});
