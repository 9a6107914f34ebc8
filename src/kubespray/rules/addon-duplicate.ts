import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { KUBESPRAY_ADDON_RELEASES } from "../addons.ts";
import { isEnabled } from "../../core/model/derive.ts";
import type { PlatformRule } from "../../core/lint/context.ts";
import { writtenVars } from "../../core/lint/infra.ts";

/** Two installers of one component (Kubespray's add-on and a Helmfile release) overwrite each other. */
export const rule: PlatformRule = {
  scope: "platform",
  id: "kubespray/addon-duplicate",
  description: "no Kubespray add-on is enabled for a component a Helmfile release installs",
  check(ctx) {
    const { platform, output: files } = ctx;
    const out: Diagnostic[] = [];
    for (const env of ctx.environments) {
      for (const v of writtenVars(files, env.name)) {
        const releases = KUBESPRAY_ADDON_RELEASES[v.name];
        if (!releases || v.value === false) continue;
        const installed = platform.releases.filter((r) => releases.includes(r.name) && isEnabled(env, r)).map((r) => r.name);
        if (installed.length === 0) continue;
        out.push(
          ctx.at(this.id, files.site(v.path, v.pointer), `${v.name} installs what Helmfile release ${installed.join(", ")} installs in ${env.name}`, {
            hint: `set ${v.name}: false; the release owns the component`,
          }),
        );
      }
    }
    return out;
  },
};
