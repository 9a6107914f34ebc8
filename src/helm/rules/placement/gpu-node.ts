import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { isEnabled } from "../../../core/model/derive.ts";
import { isObject, walk, type Rule } from "../../../core/lint/context.ts";
import { nodePins } from "./node-selectors.ts";

const GPU_RESOURCE = "nvidia.com/gpu";

/** Whether a pod spec or values block asks for a GPU anywhere below it. */
function requestsGpu(holder: unknown): boolean {
  for (const { key } of walk(holder)) if (key === GPU_RESOURCE) return true;
  return false;
}

/** GPU pods on a node without the GPU never start; the GPU operator needs a GPU node. */
export const gpuNode: Rule = {
  id: "placement/gpu-node",
  description: "GPU workloads run only on GPU nodes, and the GPU operator is installed only where a GPU node exists",
  aboutModel: true,
  check(ctx) {
    const { env, platform } = ctx;
    const out: Diagnostic[] = [];
    const gpuNodes = new Set(env.nodes.filter((n) => n.gpu).map((n) => n.name));
    const operator = platform.releases.find((r) => r.name === "gpu-operator");
    if (operator && isEnabled(env, operator) && gpuNodes.size === 0) {
      out.push(ctx.model(this.id, ["disabled"], "the gpu-operator release is installed but no node has a GPU", { hint: 'set gpu: true on the GPU node, or add "gpu-operator" to disabled' }));
    }
    if (!ctx.searchFiles) return out;
    // A pod spec that requests a GPU and pins itself to a node: that node must have one.
    const visits = ctx.values();
    for (let index = 0; index < visits.length; index++) {
      const { value, file } = visits[index]!;
      if (!isObject(value) || !Array.isArray(value.containers) || !requestsGpu(value.containers)) continue;
      for (const pin of nodePins(ctx)) {
        if (pin.holder === value.nodeSelector && pin.site.file === file && !gpuNodes.has(pin.node)) {
          out.push(ctx.at(this.id, pin.site, `a pod requesting ${GPU_RESOURCE} is pinned to node "${pin.node}", which has no GPU`, { hint: `GPU nodes: ${[...gpuNodes].join(", ") || "none"}` }));
        }
      }
    }
    return out;
  },
};
