import type { ValuesAdapter } from "./adapter.ts";
import type { MetallbValues } from "./types/metallb.ts";

/**
 * MetalLB (S4) in Layer 2 mode. The pool and advertisement are plain manifests of the
 * `metallb-pools` release; the speaker needs no BGP (FRR) sidecar in L2 mode.
 */
export const metallb: ValuesAdapter<MetallbValues> = () => ({
  speaker: { enabled: true, frr: { enabled: false } },
});
