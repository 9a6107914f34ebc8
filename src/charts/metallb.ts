import type { ValuesAdapter } from "./adapter.ts";

/**
 * MetalLB (S4) in Layer 2 mode. The pool and advertisement are plain manifests of the
 * `metallb-pools` release; the speaker needs no BGP (FRR) sidecar in L2 mode.
 */
export const metallb: ValuesAdapter = () => ({
  speaker: { enabled: true, frr: { enabled: false } },
});
