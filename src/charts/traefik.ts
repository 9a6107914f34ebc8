import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for traefik. */
export const traefik: ValuesAdapter = () => ({});
