/**
 * NVIDIA GPU Operator (S36): installs the driver and the container toolkit on GPU nodes. Only
 * environments with `components.gpu.enabled` install it (`lab` lists it in `disabled`).
 *
 * The operands follow the GPU: the bundled node feature discovery labels nodes that carry an
 * NVIDIA PCI device (`feature.node.kubernetes.io/pci-10de.present`), and the operator deploys
 * its daemon sets only there, so the model's `gpu: true` nodes (A4, A5 passthrough) get them.
 */
import type { ValuesAdapter } from "./adapter.ts";
import type { GpuOperatorValues } from "./types/gpu-operator.ts";
import { gpuNodes } from "../model/derive.ts";
import { settingsOf } from "../model/components.ts";

export const gpuOperator: ValuesAdapter<GpuOperatorValues> = ({ env }) => {
  const gpu = settingsOf(env, "gpu");
  if (!gpu.enabled) throw new Error(`gpu-operator is installed in ${env.name}, whose components.gpu.enabled is false: list it in "disabled"`);
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
