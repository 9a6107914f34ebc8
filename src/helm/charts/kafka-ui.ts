import type { ValuesAdapter } from "./adapter.ts";
import type { KafkaUiValues } from "./types/kafka-ui.ts";
import { connectTopics } from "../manifests/kafka-cluster.ts";
import { caBundle, kafkaBootstrap, kafkaClusterCaSecret, namespaceOf, OIDC_SCOPES, oidcIssuer, onNode, serviceHost } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** The chart's fullname, fixed so that its Service name does not depend on the release name. */
const KAFKA_UI_FULLNAME = "kafka-ui";

/** Where the cluster CA Secret is mounted in the Kafka UI pod. */
const CA_DIR = "/etc/kafka-ca";
/** Where the internal CA bundle is mounted, and where the init container writes the JVM truststore. */
const HOMELAB_CA_DIR = "/etc/homelab-ca";
const TRUSTSTORE_DIR = "/etc/truststore";
const TRUSTSTORE = `${TRUSTSTORE_DIR}/homelab-ca.p12`;
/**
 * The truststore holds one public certificate; Java requires a password for PKCS12 files, which
 * here protects nothing secret.
 */
const TRUSTSTORE_PASSWORD = "public";

/** The registration id of Keycloak in Kafka UI's OAuth2 settings (and its callback path). */
const OAUTH_REGISTRATION = "keycloak";

/** Spring's environment name for a Kafka client property of the first cluster. */
const prop = (name: string) => `KAFKA_CLUSTERS_0_PROPERTIES_${name.toUpperCase().replaceAll(".", "_")}`;

/**
 * Kafka UI (S21): one replica pinned to the model's node, connecting to `k3` over the TLS
 * listener with SASL_SSL / SCRAM-SHA-512, managing topics, consumer groups, ACLs and messages (its
 * KafkaUser's ACLs allow that) and the Kafka Connect cluster. The JAAS line comes from the Secret
 * Strimzi writes for the `kafka-ui` KafkaUser and the CA from the cluster CA Secret: only
 * references (A13). Login is Keycloak's (S35): Spring Security's OAuth2 client, with the client
 * secret from its Secret and Keycloak's certificate trusted through a truststore an init
 * container builds from the internal CA bundle. The host and its TLS are the Gateway routes' job
 * (A11), so the chart's Ingress stays off.
 */
export const kafkaUi: ValuesAdapter<KafkaUiValues> = (ctx) => {
  const { env, platform } = ctx;
  const ui = settingsOf(env, "kafkaUi");
  const kafka = settingsOf(env, "kafka");
  const namespace = namespaceOf(platform, "kafka-ui");
  if (namespace !== namespaceOf(platform, "kafka-cluster")) {
    // Strimzi writes the user and CA Secrets in the cluster's namespace; a pod reads only its own.
    throw new Error("kafka-ui must be installed in the Kafka cluster's namespace to read its Secrets");
  }
  const ca = caBundle(ctx);
  const client = settingsOf(env, "keycloak").clients["kafka-ui"];
  const image = `${ui.image.repository}:${ui.image.tag}`;
  return {
    replicaCount: ui.replicas,
    fullnameOverride: KAFKA_UI_FULLNAME,
    image: { repository: ui.image.repository, tag: ui.image.tag },
    nodeSelector: onNode(ui.node),
    yamlApplicationConfig: {
      auth: {
        type: "OAUTH2",
        oauth2: {
          client: {
            [OAUTH_REGISTRATION]: {
              provider: OAUTH_REGISTRATION,
              "client-name": "Keycloak",
              clientId: "kafka-ui",
              scope: [...OIDC_SCOPES["kafka-ui"]],
              "issuer-uri": oidcIssuer(env),
              "user-name-attribute": "preferred_username",
              "custom-params": { type: "oauth" },
            },
          },
        },
      },
    },
    env: [
      { name: "KAFKA_CLUSTERS_0_NAME", value: kafka.cluster },
      { name: "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", value: kafkaBootstrap(ctx) },
      { name: prop("security.protocol"), value: "SASL_SSL" },
      { name: prop("sasl.mechanism"), value: "SCRAM-SHA-512" },
      { name: prop("sasl.jaas.config"), valueFrom: { secretKeyRef: { name: ui.user, key: "sasl.jaas.config" } } },
      { name: prop("ssl.truststore.type"), value: "PEM" },
      { name: prop("ssl.truststore.location"), value: `${CA_DIR}/ca.crt` },
      { name: "KAFKA_CLUSTERS_0_READONLY", value: "false" },
      { name: "KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME", value: kafka.connect.name },
      // Strimzi's REST API Service of a KafkaConnect is `<name>-connect-api` on 8083.
      { name: "KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS", value: `http://${serviceHost(`${kafka.connect.name}-connect-api`, namespace)}:8083` },
      { name: `AUTH_OAUTH2_CLIENT_${OAUTH_REGISTRATION.toUpperCase()}_CLIENTSECRET`, valueFrom: { secretKeyRef: { name: client.secret, key: client.key } } },
      // The JVM's default trust for HTTPS calls (Keycloak); Kafka's own TLS keeps its PEM truststore.
      {
        name: "JAVA_TOOL_OPTIONS",
        value: `-Djavax.net.ssl.trustStore=${TRUSTSTORE} -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=${TRUSTSTORE_PASSWORD}`,
      },
    ],
    initContainers: [
      {
        name: "truststore",
        image,
        command: [
          "keytool", "-importcert", "-noprompt", "-alias", "homelab-ca",
          "-file", `${HOMELAB_CA_DIR}/${ca.key}`,
          "-keystore", TRUSTSTORE, "-storetype", "PKCS12", "-storepass", TRUSTSTORE_PASSWORD,
        ],
        volumeMounts: [
          { name: "homelab-ca", mountPath: HOMELAB_CA_DIR, readOnly: true },
          { name: "truststore", mountPath: TRUSTSTORE_DIR },
        ],
      },
    ],
    volumes: [
      { name: "kafka-ca", secret: { secretName: kafkaClusterCaSecret(env), items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { name: "homelab-ca", secret: { secretName: ca.secret } },
      { name: "truststore", emptyDir: {} },
    ],
    volumeMounts: [
      { name: "kafka-ca", mountPath: CA_DIR, readOnly: true },
      { name: "truststore", mountPath: TRUSTSTORE_DIR, readOnly: true },
    ],
  };
};
