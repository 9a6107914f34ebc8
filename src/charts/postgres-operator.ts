import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for postgres-operator. */
export const postgresOperator: ValuesAdapter = () => ({});
