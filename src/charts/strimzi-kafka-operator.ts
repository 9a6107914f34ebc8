import type { ValuesAdapter } from "./adapter.ts";

/** TODO: values for strimzi-kafka-operator. */
export const strimziKafkaOperator: ValuesAdapter = () => ({});
