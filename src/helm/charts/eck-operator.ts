import type { ValuesAdapter } from "./adapter.ts";
import type { EckOperatorValues } from "./types/eck-operator.ts";
import { namespaceOf } from "../../core/model/derive.ts";

/**
 * The Elastic operator (S25). It manages only the logging namespace, where the Elasticsearch
 * and Kibana releases put their resources; its CRDs come with the chart.
 */
export const eckOperator: ValuesAdapter<EckOperatorValues> = ({ platform }) => ({
  installCRDs: true,
  managedNamespaces: [...new Set([namespaceOf(platform, "eck-elasticsearch"), namespaceOf(platform, "eck-kibana")])],
});
