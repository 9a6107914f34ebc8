import type { ValuesAdapter } from "./adapter.ts";
import type { ConfigSyncerValues } from "./types/config-syncer.ts";

/**
 * config-syncer (S37), the successor of kubed: copies ConfigMaps and Secrets that carry its sync
 * annotation (`kubed.appscode.com/sync`) into the namespaces the annotation selects, such as the
 * internal CA bundle every client of the platform's TLS endpoints needs. The open-source mode
 * needs no licence; the cluster name labels what it syncs.
 */
export const configSyncer: ValuesAdapter<ConfigSyncerValues> = ({ env }) => ({
  mode: "oss",
  config: { clusterName: env.cluster.name },
});
