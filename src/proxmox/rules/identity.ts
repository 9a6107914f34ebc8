import type { Diagnostic } from "../../core/diagnostics/types.ts";
import type { Environment } from "../../core/model/types.ts";
import { kubesprayPaths } from "../../core/model/infra.ts";
import { proxmoxPaths } from "../../core/model/infra.ts";
import { lanPrefix } from "../../core/model/infra.ts";
import { type PlatformRule, isObject } from "../../core/lint/context.ts";
import { hostVarsOf, specByPath, vmSpecs, type VmSpecRead } from "../../core/lint/infra.ts";

/** `key=value` pairs of a property string. */
function props(text: unknown): Record<string, string> {
  if (typeof text !== "string") return {};
  return Object.fromEntries(text.split(",").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
}

/**
 * A node is one name and one address in every layer: the model, Kubespray's inventory, the VM
 * spec (name, `ipconfig0`) and its cloud-init host name. A mismatch gives a VM that Ansible
 * cannot reach, or a node that joins under another name.
 */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/identity",
  description: "host names and IPs are identical in the model, the Kubespray inventory, the VM specs and cloud-init",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    const specs = vmSpecs(ctx);
    const specAt = specByPath(specs);
    // Each environment's specs, in order: a filter of every environment's specs per environment grew with the square.
    const specsOf = new Map<Environment, VmSpecRead[]>();
    for (const spec of specs) {
      const list = specsOf.get(spec.env);
      if (list) list.push(spec);
      else specsOf.set(spec.env, [spec]);
    }
    for (const env of ctx.environments) {
      const hostsPath = kubesprayPaths(env.name).hosts;
      const paths = proxmoxPaths(env.name);
      const modelNames = new Set(env.nodes.map((n) => n.name));
      for (const node of env.nodes) {
        const vars = hostVarsOf(files, env.name, node.name);
        if (!vars) {
          out.push(ctx.at(this.id, files.site(hostsPath, ["all", "hosts"]), `${env.name}: node ${node.name} is not a host of the Kubespray inventory`));
        } else {
          for (const key of ["ansible_host", "ip", "access_ip"]) {
            if (vars[key] !== node.ip) {
              out.push(ctx.at(this.id, files.site(hostsPath, ["all", "hosts", node.name, key]), `${node.name}: ${key} is ${JSON.stringify(vars[key])}, the model says ${node.ip}`));
            }
          }
        }
        const specPath = paths.spec(node.name);
        const spec = specAt(specPath);
        if (!spec) {
          out.push({ rule: this.id, severity: "error", message: `${env.name}: node ${node.name} has no VM spec ${specPath}`, file: specPath });
        } else {
          if (spec.params.name !== node.name) {
            out.push(ctx.at(this.id, files.site(spec.path, ["params", "name"]), `VM name is ${JSON.stringify(spec.params.name)}, the node is ${node.name}`));
          }
          const ipconfig = props(spec.params.ipconfig0);
          const want = `${node.ip}/${lanPrefix(env)}`;
          if (ipconfig.ip !== want) {
            out.push(ctx.at(this.id, files.site(spec.path, ["params", "ipconfig0"]), `${node.name}: ipconfig0 ip is ${JSON.stringify(ipconfig.ip)}, the model says ${want}`));
          }
          if (ipconfig.gw !== env.network.gateway) {
            out.push(ctx.at(this.id, files.site(spec.path, ["params", "ipconfig0"]), `${node.name}: ipconfig0 gw is ${JSON.stringify(ipconfig.gw)}, the LAN gateway is ${env.network.gateway}`));
          }
        }
        const userDataPath = paths.userData(node.name);
        const userData = files.data(userDataPath);
        if (files.has(userDataPath) && (!isObject(userData) || userData.hostname !== node.name)) {
          const found = isObject(userData) ? userData.hostname : undefined;
          out.push(ctx.at(this.id, files.site(userDataPath, ["hostname"]), `${node.name}: cloud-init hostname is ${JSON.stringify(found)}`));
        }
      }
      const inventory = files.data(hostsPath);
      if (isObject(inventory) && isObject(inventory.all) && isObject(inventory.all.hosts)) {
        for (const host of Object.keys(inventory.all.hosts)) {
          if (!modelNames.has(host)) out.push(ctx.at(this.id, files.site(hostsPath, ["all", "hosts", host]), `${env.name}: inventory host ${host} is not a node of the model`, { key: true }));
        }
      }
      for (const spec of specsOf.get(env) ?? []) {
        const name = spec.path.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
        if (!modelNames.has(name)) out.push(ctx.at(this.id, files.site(spec.path, []), `${env.name}: VM spec ${spec.path} is for no node of the model`));
      }
    }
    return out;
  },
};
