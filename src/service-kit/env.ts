/**
 * What the service's Deployment needs to reach Kafka: the environment variables, the CA volume
 * and its mount, and the ConfigMap holding the non-secret settings (bootstrap address, user name,
 * consumer group) that the Deployment and KEDA both read. The password is only ever referenced
 * (the synced copy of Strimzi's user Secret, A13).
 */
import type { KubeObject } from "../helm/manifests/kube.ts";
import { managedLabels } from "../helm/manifests/kube.ts";
import { KAFKA_CLIENT_LABEL, kafkaBootstrap, kafkaClusterCaSecret, type Context } from "../core/model/derive.ts";
import { consumerGroup, kafkaUserName, serviceNamespace } from "./kafka.ts";
import type { ServiceSpec } from "./types.ts";

/** A container environment variable, as a Deployment's `env` holds it. */
export type EnvVar =
  | { name: string; value: string }
  | { name: string; valueFrom: { configMapKeyRef: { name: string; key: string } } }
  | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } };

export interface Volume {
  name: string;
  secret: { secretName: string; items: Array<{ key: string; path: string }> };
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly: boolean;
}

/** Everything a Deployment adds to its pod spec and container to use Kafka. */
export interface KafkaClientSetup {
  env: EnvVar[];
  volumes: Volume[];
  volumeMounts: VolumeMount[];
}

/** Where the cluster CA certificate is mounted in the container. */
export const KAFKA_CA_DIR = "/etc/kafka-ca";

export function kafkaConfigMapName(spec: ServiceSpec): string {
  return `${spec.name}-kafka`;
}

/** The service's namespace, labelled so config-syncer copies the Kafka cluster CA into it. */
export function serviceNamespaceObject(spec: ServiceSpec): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: serviceNamespace(spec), labels: { ...managedLabels(spec.name), [KAFKA_CLIENT_LABEL]: "true" } },
  };
}

export function kafkaConfigMap(ctx: Context, spec: ServiceSpec): KubeObject {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: kafkaConfigMapName(spec), namespace: serviceNamespace(spec), labels: managedLabels(spec.name) },
    data: {
      bootstrapServers: kafkaBootstrap(ctx),
      username: kafkaUserName(spec),
      consumerGroup: consumerGroup(spec),
      securityProtocol: "SASL_SSL",
      saslMechanism: "SCRAM-SHA-512",
    },
  };
}

export function kafkaClientSetup(ctx: Context, spec: ServiceSpec): KafkaClientSetup {
  const config = (key: string) => ({ configMapKeyRef: { name: kafkaConfigMapName(spec), key } });
  return {
    env: [
      { name: "KAFKA_BOOTSTRAP_SERVERS", valueFrom: config("bootstrapServers") },
      { name: "KAFKA_SECURITY_PROTOCOL", valueFrom: config("securityProtocol") },
      { name: "KAFKA_SASL_MECHANISM", valueFrom: config("saslMechanism") },
      { name: "KAFKA_USERNAME", valueFrom: config("username") },
      { name: "KAFKA_PASSWORD", valueFrom: { secretKeyRef: { name: kafkaUserName(spec), key: "password" } } },
      { name: "KAFKA_CONSUMER_GROUP", valueFrom: config("consumerGroup") },
      { name: "KAFKA_SSL_CA_LOCATION", value: `${KAFKA_CA_DIR}/ca.crt` },
    ],
    volumes: [{ name: "kafka-ca", secret: { secretName: kafkaClusterCaSecret(ctx.env), items: [{ key: "ca.crt", path: "ca.crt" }] } }],
    volumeMounts: [{ name: "kafka-ca", mountPath: KAFKA_CA_DIR, readOnly: true }],
  };
}
