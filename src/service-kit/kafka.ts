/**
 * A service's Kafka objects, in the Kafka cluster's namespace where Strimzi's topic and user
 * operators watch (S17): its topics, and one SCRAM-SHA-512 user with ACLs for exactly those
 * topics and its consumer group.
 *
 * Strimzi 0.47.0 (strimzi/strimzi-kafka-operator, tag 0.47.0,
 * user-operator/src/main/java/io/strimzi/operator/user/model/KafkaUserModel.java) writes the
 * user's Secret named like the KafkaUser, in the KafkaUser's namespace, with the keys `password`
 * and `sasl.jaas.config`; the user name is the KafkaUser's name and is in no key. The user's
 * Secret carries config-syncer's annotation (`spec.template.secret`), so a copy appears in the
 * service's namespace, where its Deployment and KEDA can read it.
 */
import type { KubeObject } from "../helm/manifests/kube.ts";
import { managedLabels } from "../helm/manifests/kube.ts";
import { replication } from "../helm/manifests/kafka-cluster.ts";
import { namespaceOf, CONFIG_SYNC_ANNOTATION, type Context } from "../core/model/derive.ts";
import type { ServiceSpec, TopicAccess } from "./types.ts";
import { settingsOf } from "../core/model/components.ts";

const STRIMZI = "kafka.strimzi.io/v1beta2";

type Operation = "Read" | "Write" | "Describe";

const operations: Record<TopicAccess, Operation[]> = {
  consume: ["Read", "Describe"],
  produce: ["Write", "Describe"],
  both: ["Read", "Write", "Describe"],
};

/** The namespace Strimzi's operators watch: the Kafka cluster release's. */
export function kafkaNamespace(ctx: Context): string {
  return namespaceOf(ctx.platform, "kafka-cluster");
}

export function serviceNamespace(spec: ServiceSpec): string {
  return spec.namespace ?? spec.name;
}

/** The KafkaUser (and so the SCRAM user name and its Secret's name). */
export function kafkaUserName(spec: ServiceSpec): string {
  return spec.name;
}

export function consumerGroup(spec: ServiceSpec): string {
  return spec.consumerGroup ?? spec.name;
}

export function kafkaTopics(ctx: Context, spec: ServiceSpec): KubeObject[] {
  const kafka = settingsOf(ctx.env, "kafka");
  const { factor, minIsr } = replication(kafka.replicas);
  const labels = { ...managedLabels(spec.name), "strimzi.io/cluster": kafka.cluster };
  return spec.topics.map((topic) => ({
    apiVersion: STRIMZI,
    kind: "KafkaTopic",
    metadata: { name: topic.name, namespace: kafkaNamespace(ctx), labels },
    spec: {
      partitions: topic.partitions,
      replicas: factor,
      config: { "min.insync.replicas": minIsr, ...(topic.retentionMs !== undefined ? { "retention.ms": topic.retentionMs } : {}) },
    },
  }));
}

/** ACLs: each topic as its access says, and the consumer group when the service consumes. */
export function kafkaAcls(spec: ServiceSpec): Array<Record<string, unknown>> {
  const topicAcls = spec.topics.map((topic) => ({
    resource: { type: "topic", name: topic.name, patternType: "literal" },
    operations: operations[topic.access],
    host: "*",
  }));
  const consumes = spec.topics.some((t) => t.access !== "produce");
  const groupAcl = consumes ? [{ resource: { type: "group", name: consumerGroup(spec), patternType: "literal" }, operations: ["Read", "Describe"], host: "*" }] : [];
  return [...topicAcls, ...groupAcl];
}

export function kafkaUser(ctx: Context, spec: ServiceSpec): KubeObject {
  const kafka = settingsOf(ctx.env, "kafka");
  return {
    apiVersion: STRIMZI,
    kind: "KafkaUser",
    metadata: { name: kafkaUserName(spec), namespace: kafkaNamespace(ctx), labels: { ...managedLabels(spec.name), "strimzi.io/cluster": kafka.cluster } },
    spec: {
      authentication: { type: "scram-sha-512" },
      authorization: { type: "simple", acls: kafkaAcls(spec) },
      // config-syncer copies the generated Secret into the service's namespace only.
      template: { secret: { metadata: { annotations: { [CONFIG_SYNC_ANNOTATION]: `kubernetes.io/metadata.name=${serviceNamespace(spec)}` } } } },
    },
  };
}
