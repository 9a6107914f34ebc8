import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { didYouMean } from "../../core/diagnostics/suggest.ts";
import { checkParam, paramSpec, proxmoxParams } from "../params.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { vmSpecs } from "../../core/lint/infra.ts";

/** `qm` rejects the whole VM on one bad parameter, after earlier VMs were already created. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/api-param",
  description: "every VM parameter is one of the Proxmox VE API's POST /nodes/{node}/qemu, in its format",
  check(ctx) {
    const { output: files } = ctx;
    const api = proxmoxParams();
    const names = Object.keys(api.parameters).map((n) => n.replace("[n]", "0"));
    const out: Diagnostic[] = [];
    for (const spec of vmSpecs(ctx)) {
      for (const [name, value] of Object.entries(spec.params)) {
        if (name === "sshkeys") {
          out.push(ctx.at(this.id, files.site(spec.path, ["params", name]), "sshkeys holds a key value in a committed file", { hint: "name the public key file under files.sshkeys; create-vms.sh reads it", key: true }));
          continue;
        }
        if (!paramSpec(name, api)) {
          out.push(ctx.at(this.id, files.site(spec.path, ["params", name]), `"${name}" is not a parameter of ${api.method} ${api.path}`, { hint: didYouMean(name, names) ?? "see schema/proxmox/", key: true }));
          continue;
        }
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          out.push(ctx.at(this.id, files.site(spec.path, ["params", name]), `${name} is ${JSON.stringify(value)}; the API takes a scalar`));
          continue;
        }
        const error = checkParam(name, value, api);
        if (error) out.push(ctx.at(this.id, files.site(spec.path, ["params", name]), `${name}: ${error}`));
      }
    }
    return out;
  },
};
