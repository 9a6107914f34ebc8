import type { ValuesAdapter } from "./adapter.ts";
import type { KedaValues } from "./types/keda.ts";

/**
 * KEDA (S20): the operator and its metrics server, both scraped by Prometheus. ScaledObjects
 * belong to the consumer Deployments they scale (on consumer-group lag against `k3`); the model
 * declares no consumer yet, so none is generated here.
 */
export const keda: ValuesAdapter<KedaValues> = () => ({
  prometheus: {
    metricServer: { enabled: true, serviceMonitor: { enabled: true } },
    operator: { enabled: true, serviceMonitor: { enabled: true } },
  },
});
