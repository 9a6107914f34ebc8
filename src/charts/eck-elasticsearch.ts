import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for eck-elasticsearch. */
export const eckElasticsearch: ValuesAdapter = () => ({});
