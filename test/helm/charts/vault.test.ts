/** Vault and the Secrets Store CSI driver (S34) from the generated values. */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("vault in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const vault = env.components.vault;
  const values = yamlOf(`values/${envName}/vault.yaml`);
  const csi = yamlOf(`values/${envName}/secrets-store-csi-driver.yaml`);

  it("S34 runs HA on Raft with the model's replicas and storage", () => {
    expect(values.server.ha).toMatchObject({ enabled: true, replicas: vault.replicas, raft: { enabled: true } });
    expect(values.server.dataStorage).toMatchObject({ enabled: true, size: vault.size, storageClass: vault.storageClass });
    const config: string = values.server.ha.raft.config;
    expect(config).toContain('storage "raft"');
    const joins = [...config.matchAll(/leader_api_addr = "http:\/\/vault-(\d+)\.vault-internal:8200"/g)].map((m) => Number(m[1]));
    expect(joins).toEqual(Array.from({ length: vault.replicas }, (_, i) => i));
  });

  it("S34 delivers secrets through the Vault CSI provider, not the agent injector", () => {
    expect(values.csi.enabled).toBe(true);
    expect(values.injector.enabled).toBe(false);
  });

  it("S34 the CSI driver rotates mounted secrets and never syncs them into Kubernetes Secrets", () => {
    expect(csi.enableSecretRotation).toBe(true);
    expect(csi.rotationPollInterval).toBe(vault.rotationPollInterval);
    expect(csi.syncSecret.enabled).toBe(false);
  });
});
