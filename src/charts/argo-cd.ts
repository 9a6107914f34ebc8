import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for argo-cd. */
export const argoCd: ValuesAdapter = () => ({});
