import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for linstor-cluster. */
export const linstorCluster: ValuesAdapter = () => ({});
