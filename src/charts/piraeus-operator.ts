import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for piraeus-operator. */
export const piraeusOperator: ValuesAdapter = () => ({});
