/**
 * Scaling on consumer-group lag (S20): a KEDA `ScaledObject` with a `kafka` trigger and the
 * `TriggerAuthentication` it needs, both in the service's namespace.
 *
 * KEDA v2.17.2 (kedacore/keda, tag v2.17.2, pkg/scalers/kafka_scaler.go) reads `bootstrapServers`,
 * `consumerGroup`, `topic`, `lagThreshold`, `sasl` and `tls` from the trigger's metadata, and
 * `username`, `password` and `ca` from the authentication; `sasl` and `tls` may be set in only one
 * of the two. A TriggerAuthentication reads Secrets and ConfigMaps of its own namespace only:
 * the password is the synced copy of Strimzi's user Secret (key `password`), the CA the synced
 * copy of the cluster CA Secret (key `ca.crt`), and the user name, which Strimzi's Secret does
 * not hold, comes from the service's ConfigMap.
 */
import type { KubeObject } from "../helm/manifests/kube.ts";
import { managedLabels } from "../helm/manifests/kube.ts";
import { kafkaBootstrap, kafkaClusterCaSecret, type Context } from "../core/model/derive.ts";
import { consumerGroup, kafkaUserName, serviceNamespace } from "./kafka.ts";
import { kafkaConfigMapName } from "./env.ts";
import type { ServiceSpec } from "./types.ts";

const KEDA = "keda.sh/v1alpha1";

export function triggerAuthenticationName(spec: ServiceSpec): string {
  return `${spec.name}-kafka`;
}

export function triggerAuthentication(ctx: Context, spec: ServiceSpec): KubeObject {
  return {
    apiVersion: KEDA,
    kind: "TriggerAuthentication",
    metadata: { name: triggerAuthenticationName(spec), namespace: serviceNamespace(spec), labels: managedLabels(spec.name) },
    spec: {
      secretTargetRef: [
        { parameter: "password", name: kafkaUserName(spec), key: "password" },
        { parameter: "ca", name: kafkaClusterCaSecret(ctx.env), key: "ca.crt" },
      ],
      configMapTargetRef: [{ parameter: "username", name: kafkaConfigMapName(spec), key: "username" }],
    },
  };
}

/** The topic whose lag drives scaling: the named one, else the first the service consumes. */
export function scalingTopic(spec: ServiceSpec): string {
  const wanted = spec.scaling?.topic;
  const consumed = spec.topics.filter((t) => t.access !== "produce");
  const topic = wanted === undefined ? consumed[0] : consumed.find((t) => t.name === wanted);
  if (!topic) {
    throw new Error(
      wanted === undefined
        ? `service ${spec.name}: scaling on lag needs a topic it consumes; none has access "consume" or "both"`
        : `service ${spec.name}: scaling.topic "${wanted}" is not one of its consumed topics (${consumed.map((t) => t.name).join(", ") || "none"})`,
    );
  }
  return topic.name;
}

export function scaledObject(ctx: Context, spec: ServiceSpec): KubeObject | undefined {
  const scaling = spec.scaling;
  if (!scaling) return undefined;
  return {
    apiVersion: KEDA,
    kind: "ScaledObject",
    metadata: { name: spec.deployment ?? spec.name, namespace: serviceNamespace(spec), labels: managedLabels(spec.name) },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: spec.deployment ?? spec.name },
      minReplicaCount: scaling.minReplicas,
      maxReplicaCount: scaling.maxReplicas,
      triggers: [
        {
          type: "kafka",
          metadata: {
            bootstrapServers: kafkaBootstrap(ctx),
            consumerGroup: consumerGroup(spec),
            topic: scalingTopic(spec),
            lagThreshold: String(scaling.lagThreshold),
            // SASL_SSL with SCRAM-SHA-512: the TLS listener of the cluster (A10).
            sasl: "scram_sha512",
            tls: "enable",
          },
          authenticationRef: { name: triggerAuthenticationName(spec), kind: "TriggerAuthentication" },
        },
      ],
    },
  };
}
