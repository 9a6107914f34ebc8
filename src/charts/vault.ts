import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for vault. */
export const vault: ValuesAdapter = () => ({});
