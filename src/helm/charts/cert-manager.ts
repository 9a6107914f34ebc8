import type { ValuesAdapter } from "./adapter.ts";
import type { CertManagerValues } from "./types/cert-manager.ts";

/**
 * cert-manager (S7): CRDs installed and kept by the chart, so custom resources can follow.
 * Metrics are exposed, but no ServiceMonitor is created: its CRD comes with kube-prometheus-stack,
 * which is installed after cert-manager, so a first install would fail on the unknown kind.
 */
export const certManager: ValuesAdapter<CertManagerValues> = () => ({
  crds: { enabled: true, keep: true },
  prometheus: { enabled: true, servicemonitor: { enabled: false } },
});
