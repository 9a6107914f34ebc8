import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for config-syncer. */
export const configSyncer: ValuesAdapter = () => ({});
