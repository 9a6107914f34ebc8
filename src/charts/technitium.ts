import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for technitium. */
export const technitium: ValuesAdapter = () => ({});
