import type { Diagnostic } from "../../core/diagnostics/types.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { everyVmSpec } from "../../core/lint/infra.ts";

/** The MAC of `net0`, in either of Proxmox's spellings (`macaddr=`, or `<model>=<mac>`). */
function macOf(net: unknown): string | undefined {
  if (typeof net !== "string") return undefined;
  for (const part of net.split(",")) {
    const value = part.slice(part.indexOf("=") + 1);
    if (/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(value)) return value.toUpperCase();
  }
  return undefined;
}

/** Two VMs with one MAC on one bridge break each other's traffic. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "proxmox/mac-unique",
  description: "every VM network MAC address is unique across all environments",
  check(ctx) {
    const { output: files } = ctx;
    const out: Diagnostic[] = [];
    const seen = new Map<string, string>();
    for (const spec of everyVmSpec(ctx)) {
      for (const [name, value] of Object.entries(spec.params)) {
        if (!/^net\d+$/.test(name)) continue;
        const mac = macOf(value);
        if (!mac) continue;
        const first = seen.get(mac);
        if (first) out.push(ctx.at(this.id, files.site(spec.path, ["params", name]), `MAC ${mac} is also used by ${first}`, { hint: "remove the pinned MAC (one is derived from the VMID) or pin another" }));
        else seen.set(mac, `${spec.path} ${name}`);
      }
    }
    return out;
  },
};
