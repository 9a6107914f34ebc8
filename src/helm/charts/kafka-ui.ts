import type { ValuesAdapter } from "./adapter.ts";
import type { KafkaUiValues } from "./types/kafka-ui.ts";
import { kafkaBootstrap, kafkaClusterCaSecret, namespaceOf, onNode } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** The chart's fullname, fixed so that its Service name does not depend on the release name. */
export const KAFKA_UI_FULLNAME = "kafka-ui";

/** Where the cluster CA Secret is mounted in the Kafka UI pod. */
const CA_DIR = "/etc/kafka-ca";

/** Spring's environment name for a Kafka client property of the first cluster. */
const prop = (name: string) => `KAFKA_CLUSTERS_0_PROPERTIES_${name.toUpperCase().replaceAll(".", "_")}`;

/**
 * Kafka UI (S21): one replica pinned to the model's node, connecting to `k3` over the TLS
 * listener with SASL_SSL / SCRAM-SHA-512. The JAAS line comes from the Secret Strimzi writes for
 * the `kafka-ui` KafkaUser and the CA from the cluster CA Secret: only references (A13). The
 * host and its TLS are the Gateway routes' job (A11), so the chart's Ingress stays off.
 */
export const kafkaUi: ValuesAdapter<KafkaUiValues> = (ctx) => {
  const { env, platform } = ctx;
  const ui = settingsOf(env, "kafkaUi");
  if (namespaceOf(platform, "kafka-ui") !== namespaceOf(platform, "kafka-cluster")) {
    // Strimzi writes the user and CA Secrets in the cluster's namespace; a pod reads only its own.
    throw new Error("kafka-ui must be installed in the Kafka cluster's namespace to read its Secrets");
  }
  return {
    replicaCount: ui.replicas,
    fullnameOverride: KAFKA_UI_FULLNAME,
    nodeSelector: onNode(ui.node),
    env: [
      { name: "KAFKA_CLUSTERS_0_NAME", value: settingsOf(env, "kafka").cluster },
      { name: "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", value: kafkaBootstrap(ctx) },
      { name: prop("security.protocol"), value: "SASL_SSL" },
      { name: prop("sasl.mechanism"), value: "SCRAM-SHA-512" },
      { name: prop("sasl.jaas.config"), valueFrom: { secretKeyRef: { name: ui.user, key: "sasl.jaas.config" } } },
      { name: prop("ssl.truststore.type"), value: "PEM" },
      { name: prop("ssl.truststore.location"), value: `${CA_DIR}/ca.crt` },
      // The KafkaUser's ACLs only allow reading; the UI hides what would fail anyway.
      { name: "KAFKA_CLUSTERS_0_READONLY", value: "true" },
    ],
    volumes: [{ name: "kafka-ca", secret: { secretName: kafkaClusterCaSecret(env), items: [{ key: "ca.crt", path: "ca.crt" }] } }],
    volumeMounts: [{ name: "kafka-ca", mountPath: CA_DIR, readOnly: true }],
  };
};
