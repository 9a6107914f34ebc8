/**
 * Component settings are needed only where they are used: a platform that does not install
 * Kafka says nothing about Kafka. Which settings each adapter reads is declared here, checked
 * on the model before anything is emitted (`missingSettings`), and kept honest by a test that
 * generates every release with only the settings its adapter declares.
 */
import type { Components, Environment, Platform } from "./types.ts";
import { ownAdapter } from "./extensions.ts";
import { lookup } from "./lookup.ts";

export type ComponentKey = keyof Components;

/** Settings every environment needs: the DNS zone (its SOA and TTLs) is generated for each. */
export const ALWAYS_REQUIRED: readonly ComponentKey[] = ["dns"];

/** The component settings each adapter (`Release.adapter`) reads. */
export const settingsOfAdapter: Readonly<Record<string, readonly ComponentKey[]>> = {
  traefik: ["traefik"],
  "nfs-subdir-external-provisioner": ["nfs"],
  minio: ["minio"],
  "linstor-cluster": ["linstor"],
  "kafka-cluster": ["kafka"],
  "kafka-ui": ["kafka", "kafkaUi", "keycloak"],
  "arangodb-deployment": ["arangodb"],
  "postgres-operator": ["postgres"],
  "postgres-cluster": ["postgres", "monitoring"],
  "kube-prometheus-stack": ["monitoring", "keycloak", "logging", "mail", "postgres"],
  "eck-elasticsearch": ["logging", "keycloak"],
  "eck-kibana": ["logging"],
  "fluent-bit": ["logging"],
  "gitlab-runner": ["runner", "ci"],
  "argo-cd": ["argocd", "keycloak"],
  keycloakx: ["keycloak", "postgres"],
  vault: ["vault"],
  "secrets-store-csi-driver": ["vault"],
  "gpu-operator": ["gpu"],
  mailrelay: ["mail"],
  "elasticsearch-setup": ["logging"],
  "gitlab-runner-jobs": ["runner"],
  technitium: ["dns"],
};

/**
 * The settings adapter `name` reads: the package's table, else what the platform's own adapter
 * (`defineAdapter`'s `settings`) declares.
 */
export function settingsRead(platform: Platform, name: string): readonly ComponentKey[] {
  return lookup(settingsOfAdapter, name) ?? ownAdapter(platform, name)?.settings ?? [];
}

/**
 * The settings the environment's installed releases read: what checks of the model's settings
 * (storage classes, sizes) look at, so settings left for a release that is not installed are
 * never reported. (`dns` is always present for the zone, but its storage is Technitium's.)
 */
export function usedComponents(platform: Platform, env: Environment): Partial<Components> {
  const keys = new Set<ComponentKey>();
  for (const release of platform.releases) {
    if (env.disabled.includes(release.name)) continue;
    for (const key of settingsRead(platform, release.adapter)) keys.add(key);
  }
  const out: Partial<Record<ComponentKey, unknown>> = {};
  for (const key of Object.keys(env.components) as ComponentKey[]) if (keys.has(key)) out[key] = env.components[key];
  return out as Partial<Components>;
}

/** A component's settings were read where the model has none. */
export class MissingSettingsError extends Error {
  override name = "MissingSettingsError";
  constructor(
    readonly environment: string,
    readonly component: ComponentKey,
  ) {
    super(`environment ${environment} has no components.${component}`);
  }
}

/** The settings of one component; throws `MissingSettingsError` when the environment has none. */
export function settingsOf<K extends ComponentKey>(env: Environment, key: K): NonNullable<Components[K]> {
  const value = env.components[key];
  if (value === undefined || value === null) throw new MissingSettingsError(env.name, key);
  return value as NonNullable<Components[K]>;
}
