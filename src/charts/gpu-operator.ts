import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for gpu-operator. */
export const gpuOperator: ValuesAdapter = () => ({});
