import type { ValuesAdapter } from "./adapter.ts";
import type { StrimziKafkaOperatorValues } from "./types/strimzi-kafka-operator.ts";
import { namespaceOf } from "../../core/model/derive.ts";

/**
 * The Strimzi cluster operator (S17). It runs in the Kafka cluster's own namespace and watches
 * only that one: the chart's default, since listing the release namespace in `watchNamespaces`
 * would create its RoleBindings twice. The check below keeps the two releases together.
 */
export const strimziKafkaOperator: ValuesAdapter<StrimziKafkaOperatorValues> = ({ platform }) => {
  const operatorNs = namespaceOf(platform, "strimzi-kafka-operator");
  const clusterNs = namespaceOf(platform, "kafka-cluster");
  return {
    watchNamespaces: operatorNs === clusterNs ? [] : [clusterNs],
    watchAnyNamespace: false,
    leaderElection: { enable: true },
  };
};
