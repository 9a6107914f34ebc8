import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for kube-prometheus-stack. */
export const kubePrometheusStack: ValuesAdapter = () => ({});
