import { type KubeObject, type ManifestBuilder, managedLabels } from "./kube.ts";
import { type Context, isEnabled, KAFKA_CLIENT_LABEL, kafkaExternal, kafkaPoolName, namespaceOf, SYNC_ANNOTATION } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

const STRIMZI = "kafka.strimzi.io/v1beta2";

/**
 * Replication settings that fit the cluster's size: three copies where there are three brokers,
 * one in a single-node lab (A1), so topics and internal offsets can be created at all.
 */
export function replication(replicas: number): { factor: number; minIsr: number } {
  const factor = Math.min(3, replicas);
  return { factor, minIsr: Math.max(1, factor - 1) };
}

/**
 * The ACLs of Kafka UI's user (S21): it browses topics, messages, consumer groups and the
 * cluster's configuration; it neither writes messages nor changes topics.
 */
function kafkaUiAcls() {
  const allow = (type: "topic" | "group" | "cluster" | "transactionalId", operations: string[]) => ({
    type: "allow",
    resource: type === "cluster" ? { type } : { type, name: "*", patternType: "literal" },
    operations,
    host: "*",
  });
  return [
    allow("topic", ["Describe", "DescribeConfigs", "Read"]),
    allow("group", ["Describe", "Read"]),
    allow("cluster", ["Describe", "DescribeConfigs"]),
    allow("transactionalId", ["Describe"]),
  ];
}

/**
 * The Kafka cluster `k3` (S17, A10): KRaft with one node pool of combined controller+broker
 * nodes (Strimzi 0.46+ has no ZooKeeper), persistent volumes on the model's storage class, an
 * internal TLS listener and an external one behind Traefik (S11), both with SCRAM-SHA-512,
 * simple authorization, the model's topics and the Kafka UI user (S21).
 */
export const kafkaCluster: ManifestBuilder = (ctx: Context) => {
  const { env, platform } = ctx;
  const kafka = settingsOf(env, "kafka");
  const namespace = namespaceOf(platform, "kafka-cluster");
  const labels = managedLabels("kafka");
  const clusterLabels = { ...labels, "strimzi.io/cluster": kafka.cluster };
  const external = kafkaExternal(ctx);
  const { factor, minIsr } = replication(kafka.replicas);
  const scram = { type: "scram-sha-512" };

  const cluster: KubeObject = {
    apiVersion: STRIMZI,
    kind: "Kafka",
    metadata: {
      name: kafka.cluster,
      namespace,
      labels,
      annotations: { "strimzi.io/kraft": "enabled", "strimzi.io/node-pools": "enabled" },
    },
    spec: {
      kafka: {
        version: kafka.version,
        listeners: [
          { name: "tls", port: kafka.tlsPort, type: "internal", tls: true, authentication: scram },
          {
            name: external.listener,
            port: external.port,
            // ClusterIP Services per broker: Traefik (TLS passthrough, SNI) is the only way in.
            type: "cluster-ip",
            tls: true,
            authentication: scram,
            configuration: {
              bootstrap: { alternativeNames: [external.bootstrapHost] },
              brokers: external.brokers.map((b) => ({
                broker: b.nodeId,
                advertisedHost: b.host,
                advertisedPort: external.advertisedPort,
              })),
            },
          },
        ],
        authorization: { type: "simple" },
        // The CA certificate (public) is copied to client namespaces by config-syncer (S37).
        template: { clusterCaCert: { metadata: { annotations: { [SYNC_ANNOTATION]: `${KAFKA_CLIENT_LABEL}=true` } } } },
        config: {
          "default.replication.factor": factor,
          "min.insync.replicas": minIsr,
          "offsets.topic.replication.factor": factor,
          "transaction.state.log.replication.factor": factor,
          "transaction.state.log.min.isr": minIsr,
        },
      },
      entityOperator: { topicOperator: {}, userOperator: {} },
    },
  };

  const pool: KubeObject = {
    apiVersion: STRIMZI,
    kind: "KafkaNodePool",
    metadata: {
      name: kafkaPoolName(env),
      namespace,
      labels: clusterLabels,
      // Pinned node ids keep the per-broker hosts of the external listener valid.
      annotations: { "strimzi.io/next-node-ids": `[0-${kafka.replicas - 1}]` },
    },
    spec: {
      replicas: kafka.replicas,
      roles: ["controller", "broker"],
      storage: {
        type: "jbod",
        volumes: [
          {
            id: 0,
            type: "persistent-claim",
            size: kafka.size,
            class: kafka.storageClass,
            deleteClaim: false,
            kraftMetadata: "shared",
          },
        ],
      },
    },
  };

  const topics: KubeObject[] = kafka.topics.map((topic) => ({
    apiVersion: STRIMZI,
    kind: "KafkaTopic",
    metadata: { name: topic.name, namespace, labels: clusterLabels },
    spec: { partitions: topic.partitions, replicas: factor, config: { "min.insync.replicas": minIsr } },
  }));

  // Kafka UI's user exists only where Kafka UI is installed (its settings are only there).
  const ui = platform.releases.find((r) => r.adapter === "kafka-ui");
  const kafkaUiUsers: KubeObject[] =
    ui && isEnabled(env, ui)
      ? [
          {
            apiVersion: STRIMZI,
            kind: "KafkaUser",
            metadata: { name: settingsOf(env, "kafkaUi").user, namespace, labels: clusterLabels },
            spec: { authentication: scram, authorization: { type: "simple", acls: kafkaUiAcls() } },
          },
        ]
      : [];

  return [cluster, pool, ...topics, ...kafkaUiUsers];
};
