import type { ValuesAdapter } from "./adapter.ts";
import type { MinioValues } from "./types/minio.ts";
import { releaseOf } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** MinIO's erasure coding needs at least this many drives in a distributed deployment. */
const MIN_ERASURE_DRIVES = 4;

/**
 * How MinIO is laid out for a number of servers: a distributed StatefulSet (S16) whenever there is
 * more than one server, with enough drives per server for erasure coding; a single server runs
 * standalone, which is all a one-replica environment can do (A1).
 */
export function minioLayout(replicas: number): { mode: "distributed" | "standalone"; drivesPerNode: number } {
  if (replicas < 2) return { mode: "standalone", drivesPerNode: 1 };
  return { mode: "distributed", drivesPerNode: Math.ceil(MIN_ERASURE_DRIVES / Math.min(replicas, MIN_ERASURE_DRIVES)) };
}

/**
 * MinIO (S16): S3 storage for model artifacts and backups. Root credentials come from the existing
 * Secret named in the model (keys `rootUser`, `rootPassword`, A13); the chart's example console user
 * (a password in its defaults) is removed. The buckets are created by the chart's post-install job,
 * versioned so an overwritten artifact or backup can be recovered. The console is reached through
 * `gateway-routes` on its own host (A11); servers spread over nodes where they can.
 */
export const minio: ValuesAdapter<MinioValues> = ({ platform, env }) => {
  const spec = settingsOf(env, "minio");
  const release = releaseOf(platform, "minio");
  const { mode, drivesPerNode } = minioLayout(spec.replicas);
  return {
    mode,
    replicas: spec.replicas,
    drivesPerNode,
    pools: 1,
    existingSecret: spec.rootSecret,
    rootUser: "",
    rootPassword: "",
    users: [],
    policies: [],
    svcaccts: [],
    buckets: spec.buckets.map((name) => ({ name, policy: "none", purge: false, versioning: true, objectlocking: false })),
    persistence: { enabled: true, size: spec.size, storageClass: spec.storageClass, accessMode: "ReadWriteOnce" },
    resources: { requests: { memory: spec.memory } },
    service: { type: "ClusterIP" },
    consoleService: { type: "ClusterIP" },
    ingress: { enabled: false },
    consoleIngress: { enabled: false },
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: "kubernetes.io/hostname",
              labelSelector: { matchLabels: { app: "minio", release: release.name } },
            },
          },
        ],
      },
    },
  };
};
