import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for minio. */
export const minio: ValuesAdapter = () => ({});
