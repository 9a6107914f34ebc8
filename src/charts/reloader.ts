import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for reloader. */
export const reloader: ValuesAdapter = () => ({});
