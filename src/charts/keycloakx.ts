import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for keycloakx. */
export const keycloakx: ValuesAdapter = () => ({});
