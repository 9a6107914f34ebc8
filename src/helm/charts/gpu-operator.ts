/**
 * NVIDIA GPU Operator (S36): installs the driver and the container toolkit on GPU nodes. An
 * environment without a GPU leaves it out by listing it in `disabled` (as `lab` does).
 *
 * The operands follow the GPU: the bundled node feature discovery labels nodes that carry an
 * NVIDIA PCI device (`feature.node.kubernetes.io/pci-10de.present`), and the operator deploys
 * its daemon sets only there, so the model's `gpu: true` nodes (A4, A5 passthrough) get them.
 */
import type { ValuesAdapter } from "./adapter.ts";
import type { GpuOperatorValues } from "./types/gpu-operator.ts";
import { gpuNodes } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

export const gpuOperator: ValuesAdapter<GpuOperatorValues> = ({ env }) => {
  const gpu = settingsOf(env, "gpu");
  if (gpuNodes(env).length === 0) throw new Error(`gpu-operator is installed in ${env.name}, which has no node with gpu: true`);
  return {
    // The toolkit configures the runtime Kubespray installed, not the chart's default (docker).
    operator: { defaultRuntime: env.cluster.containerRuntime },
    nfd: { enabled: true },
    driver: { enabled: true, ...(gpu.driverVersion ? { version: gpu.driverVersion } : {}) },
    toolkit: { enabled: true },
    devicePlugin: { enabled: true },
  };
};
