/**
 * HashiCorp Vault (S34): HA on integrated Raft storage, with the Vault CSI provider so pods get
 * short-lived secrets as mounted files through the Secrets Store CSI driver, never as Secrets.
 */
import type { ValuesAdapter } from "./adapter.ts";
import type { VaultValues } from "./types/vault.ts";
import { settingsOf } from "../../core/model/components.ts";

/** The chart's fullname for release `vault` (release name contains the chart name). */
const VAULT_FULLNAME = "vault";
/** Vault's API and UI port. */
const VAULT_PORT = 8200;

/** Vault's server configuration (HCL): Raft storage that joins every peer of the StatefulSet. */
function vaultRaftConfig(replicas: number): string {
  const joins = Array.from({ length: replicas }, (_, i) => [
    "  retry_join {",
    `    leader_api_addr = "http://${VAULT_FULLNAME}-${i}.${VAULT_FULLNAME}-internal:${VAULT_PORT}"`,
    "  }",
  ]).flat();
  return [
    "ui = true",
    "",
    // TLS ends at the Traefik gateway (A11); inside the cluster Vault listens on plain HTTP.
    `listener "tcp" {\n  tls_disable = 1\n  address = "[::]:${VAULT_PORT}"\n  cluster_address = "[::]:8201"\n}`,
    "",
    ['storage "raft" {', '  path = "/vault/data"', ...joins, "}"].join("\n"),
    "",
    'service_registration "kubernetes" {}',
    "",
  ].join("\n");
}

export const vault: ValuesAdapter<VaultValues> = ({ env }) => {
  const v = settingsOf(env, "vault");
  return {
    // The CSI provider is the one delivery path (S34); the agent injector would be a second.
    injector: { enabled: false },
    server: {
      dataStorage: { enabled: true, size: v.size, storageClass: v.storageClass },
      ha: {
        enabled: true,
        replicas: v.replicas,
        raft: { enabled: true, setNodeId: true, config: vaultRaftConfig(v.replicas) },
      },
    },
    ui: { enabled: true },
    csi: { enabled: true },
    global: { tlsDisable: true },
  };
};
