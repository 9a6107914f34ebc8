import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for eck-kibana. */
export const eckKibana: ValuesAdapter = () => ({});
