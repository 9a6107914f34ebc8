import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for secrets-store-csi-driver. */
export const secretsStoreCsiDriver: ValuesAdapter = () => ({});
