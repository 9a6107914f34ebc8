import { type KubeObject, type ManifestBuilder, managedLabels } from "./kube.ts";
import { type Context, CONFIG_SYNC_ANNOTATION, isEnabled, KAFKA_CLIENT_LABEL, kafkaClusterCaSecret, kafkaExternal, kafkaPoolName, namespaceOf } from "../../core/model/derive.ts";
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

type AclResource = "topic" | "group" | "cluster" | "transactionalId";

/** One `allow` ACL of a KafkaUser; `name` and `pattern` select topics, groups or transactional ids. */
function allow(type: AclResource, operations: string[], name = "*", pattern: "literal" | "prefix" = "literal") {
  return { type: "allow", resource: type === "cluster" ? { type } : { type, name, patternType: pattern }, operations, host: "*" };
}

/**
 * The ACLs of Kafka UI's user (S21): Kafka UI manages the cluster, so its user may create, change
 * and delete topics, read and produce messages, reset and delete consumer groups, and manage
 * users' ACLs and SCRAM credentials (cluster `Alter`).
 */
export function kafkaUiAcls() {
  return [
    allow("topic", ["Create", "Delete", "Alter", "AlterConfigs", "Describe", "DescribeConfigs", "Read", "Write"]),
    allow("group", ["Describe", "Read", "Delete"]),
    allow("cluster", ["Describe", "DescribeConfigs", "Alter", "AlterConfigs"]),
    allow("transactionalId", ["Describe"]),
  ];
}

/** Kafka Connect's internal topics and group, all named after the Connect cluster. */
export function connectTopics(name: string) {
  return { group: name, offsets: `${name}-offsets`, configs: `${name}-configs`, status: `${name}-status` };
}

/**
 * The ACLs of Kafka Connect's user (S17): its worker group, its internal topics (which it creates
 * itself, compacted), and reading and writing the model's topics for connectors.
 */
function connectAcls(name: string, topics: string[]) {
  return [
    allow("group", ["Describe", "Read"], connectTopics(name).group),
    allow("topic", ["Create", "Describe", "DescribeConfigs", "Read", "Write"], `${name}-`, "prefix"),
    ...topics.map((topic) => allow("topic", ["Describe", "Read", "Write"], topic)),
    allow("cluster", ["Describe"]),
  ];
}

/**
 * The Kafka cluster `k3` (S17, A10): KRaft with one node pool of combined controller+broker
 * nodes (Strimzi 0.46+ has no ZooKeeper), persistent volumes on the model's storage class, an
 * internal TLS listener and an external one behind Traefik (S11), both with SCRAM-SHA-512,
 * simple authorization, the model's topics, the Kafka UI user (S21), and Kafka Connect with its user (S17).
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
        template: { clusterCaCert: { metadata: { annotations: { [CONFIG_SYNC_ANNOTATION]: `${KAFKA_CLIENT_LABEL}=true` } } } },
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

  const connectName = kafka.connect.name;
  const internal = connectTopics(connectName);
  const connectUser: KubeObject = {
    apiVersion: STRIMZI,
    kind: "KafkaUser",
    metadata: { name: connectName, namespace, labels: clusterLabels },
    spec: { authentication: scram, authorization: { type: "simple", acls: connectAcls(connectName, kafka.topics.map((t) => t.name)) } },
  };
  // Kafka Connect (S17): connectors are declared as KafkaConnector resources.
  const connect: KubeObject = {
    apiVersion: STRIMZI,
    kind: "KafkaConnect",
    metadata: { name: connectName, namespace, labels, annotations: { "strimzi.io/use-connector-resources": "true" } },
    spec: {
      version: kafka.version,
      replicas: kafka.connect.replicas,
      bootstrapServers: `${kafka.cluster}-kafka-bootstrap:${kafka.tlsPort}`,
      tls: { trustedCertificates: [{ secretName: kafkaClusterCaSecret(env), certificate: "ca.crt" }] },
      // Strimzi writes the user's password into the Secret named after the KafkaUser.
      authentication: { type: "scram-sha-512", username: connectName, passwordSecret: { secretName: connectName, password: "password" } },
      config: {
        "group.id": internal.group,
        "offset.storage.topic": internal.offsets,
        "config.storage.topic": internal.configs,
        "status.storage.topic": internal.status,
        "offset.storage.replication.factor": factor,
        "config.storage.replication.factor": factor,
        "status.storage.replication.factor": factor,
      },
    },
  };

  return [cluster, pool, ...topics, ...kafkaUiUsers, connectUser, connect];
};
