import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for eck-operator. */
export const eckOperator: ValuesAdapter = () => ({});
