import type { ValuesAdapter } from "./adapter.ts";

/** cert-manager (S7): CRDs installed and kept by the chart, so custom resources can follow. */
export const certManager: ValuesAdapter = () => ({
  crds: { enabled: true, keep: true },
  prometheus: { enabled: true, servicemonitor: { enabled: true } },
});
