import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for fluent-bit. */
export const fluentBit: ValuesAdapter = () => ({});
