import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for keda. */
export const keda: ValuesAdapter = () => ({});
