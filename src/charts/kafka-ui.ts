import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for kafka-ui. */
export const kafkaUi: ValuesAdapter = () => ({});
