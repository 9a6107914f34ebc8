import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for kube-arangodb. */
export const kubeArangodb: ValuesAdapter = () => ({});
