/** NVIDIA GPU Operator (S36, A1, A4) from the generated values. */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { gpuOperator } from "../../../src/helm/charts/gpu-operator.ts";
import { fileText, yamlOf } from "../../support/generated.ts";

const prod = streamforge.environments.find((e) => e.name === "prod")!;
const lab = streamforge.environments.find((e) => e.name === "lab")!;

describe("gpu-operator", () => {
  it("S36 pins chart v24.9.2 and installs driver and toolkit in prod", () => {
    expect(prod.versions["gpu-operator"]).toBe("v24.9.2");
    const values = yamlOf("values/prod/gpu-operator.yaml");
    expect(values.driver.enabled).toBe(true);
    expect(values.toolkit.enabled).toBe(true);
    expect(values.devicePlugin.enabled).toBe(true);
  });

  it("S36 A4 operands follow the GPU: node feature discovery labels the PCI-passthrough GPU node k2w-8", () => {
    const values = yamlOf("values/prod/gpu-operator.yaml");
    expect(values.nfd.enabled).toBe(true);
    const gpuNodes = prod.nodes.filter((n) => n.gpu);
    expect(gpuNodes.map((n) => n.name)).toEqual(["k2w-8"]);
    expect(gpuNodes[0]!.vm.pciPassthrough).toBeTruthy();
  });

  it("S36 S2 the toolkit configures the runtime Kubespray installs (containerd), not the chart's docker default", () => {
    const values = yamlOf("values/prod/gpu-operator.yaml");
    const kubespray = yamlOf("kubespray/inventory/prod/group_vars/k8s_cluster/k8s-cluster.yml");
    expect(values.operator.defaultRuntime).toBe("containerd");
    expect(kubespray.container_manager).toBe(values.operator.defaultRuntime);
  });

  it("A1 lab has no GPU operator: disabled in the model and an empty values file", () => {
    expect(lab.disabled).toContain("gpu-operator");
    expect(fileText("values/lab/gpu-operator.yaml")).toMatch(/not installed in lab/);
    expect(yamlOf("values/lab/gpu-operator.yaml")).toEqual({});
  });

  it("refuses to render for an environment without a GPU node", () => {
    expect(() => gpuOperator({ platform: streamforge, env: lab })).toThrow(/no node with gpu: true/);
  });
});
