/**
 * Secrets Store CSI driver (S34): mounts Vault secrets into pods through the Vault CSI provider
 * and re-reads them so short-lived secrets are rotated in place.
 */
import type { ValuesAdapter } from "./adapter.ts";
import type { SecretsStoreCsiDriverValues } from "./types/secrets-store-csi-driver.ts";
import { settingsOf } from "../../core/model/components.ts";

export const secretsStoreCsiDriver: ValuesAdapter<SecretsStoreCsiDriverValues> = ({ env }) => ({
  enableSecretRotation: true,
  rotationPollInterval: settingsOf(env, "vault").rotationPollInterval,
  // Syncing to Kubernetes Secrets would store Vault's secrets in the cluster, which S34 rules out.
  syncSecret: { enabled: false },
});
