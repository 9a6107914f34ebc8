import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for ingress-nginx. */
export const ingressNginx: ValuesAdapter = () => ({});
