import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { lintServiceFiles, serviceKit, type ServiceSpec } from "../../src/service-kit/index.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { hasGeneratedHeader } from "../../src/core/files.ts";
import type { Platform } from "../../src/core/model/types.ts";
import { prod, streamforge } from "../../src/platform/streamforge.ts";

const orders: ServiceSpec = {
  name: "orders",
  path: "services/orders",
  topics: [
    { name: "orders", partitions: 6, access: "consume" },
    { name: "invoices", partitions: 3, access: "produce", retentionMs: 86_400_000 },
  ],
  scaling: { lagThreshold: 50, minReplicas: 1, maxReplicas: 6 },
  host: { label: "orders", port: 8080 },
  ci: { project: "streamforge/streamforge", ref: "main" },
};

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: any; data?: Record<string, string> };
const byKind = (objects: readonly unknown[], kind: string) => (objects as Obj[]).filter((o) => o.kind === kind);

describe("the service kit", () => {
  const kit = serviceKit(streamforge, "prod", orders);

  it("puts topics and the user where Strimzi's operators watch, the rest in the service's namespace", () => {
    expect(kit.kafkaObjects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["KafkaTopic/kafka/orders", "KafkaTopic/kafka/invoices", "KafkaUser/kafka/orders"]);
    expect(new Set(kit.serviceObjects.map((o) => o.metadata.namespace ?? o.metadata.name))).toEqual(new Set(["orders"]));
    expect(byKind(kit.kafkaObjects, "KafkaTopic")[1]?.spec.config["retention.ms"]).toBe(86_400_000);
  });

  it("gives the user ACLs for its topics as their access says, and its consumer group only because it consumes", () => {
    const acls = byKind(kit.kafkaObjects, "KafkaUser")[0]?.spec.authorization.acls;
    expect(acls).toEqual([
      { resource: { type: "topic", name: "orders", patternType: "literal" }, operations: ["Read", "Describe"], host: "*" },
      { resource: { type: "topic", name: "invoices", patternType: "literal" }, operations: ["Write", "Describe"], host: "*" },
      { resource: { type: "group", name: "orders", patternType: "literal" }, operations: ["Read", "Describe"], host: "*" },
    ]);
    const producer = serviceKit(streamforge, "prod", { ...orders, topics: [{ name: "invoices", partitions: 3, access: "produce" }], scaling: undefined } as ServiceSpec);
    expect(byKind(producer.kafkaObjects, "KafkaUser")[0]?.spec.authorization.acls.map((a: { resource: { type: string } }) => a.resource.type)).toEqual(["topic"]);
  });

  it("has KEDA read credentials from the service's namespace: Strimzi's password key, the CA copy, the user name from the ConfigMap (Strimzi's Secret has none)", () => {
    const auth = byKind(kit.serviceObjects, "TriggerAuthentication")[0]!;
    expect(auth.spec.secretTargetRef).toEqual([
      { parameter: "password", name: "orders", key: "password" },
      { parameter: "ca", name: "k3-cluster-ca-cert", key: "ca.crt" },
    ]);
    expect(auth.spec.configMapTargetRef).toEqual([{ parameter: "username", name: "orders-kafka", key: "username" }]);
    const config = byKind(kit.serviceObjects, "ConfigMap")[0]!;
    expect(config.data?.username).toBe(kit.kafka.user);
    expect(kit.kafka.userSecret).toEqual({ name: "orders", namespace: "kafka", keys: ["password", "sasl.jaas.config"] });
  });

  it("has copies to read: the user Secret syncs to the service's namespace, the cluster CA to namespaces carrying the label the kit puts on its namespace", () => {
    const user = byKind(kit.kafkaObjects, "KafkaUser")[0]!;
    expect(user.spec.template.secret.metadata.annotations).toEqual({ "kubed.appscode.com/sync": "kubernetes.io/metadata.name=orders" });
    const kafkaManifest = generate(streamforge).find((r) => r.path === "manifests/prod/kafka-cluster/kafka-kafka-k3.yaml")!;
    const cluster = parseAllDocuments(kafkaManifest.content).map((d) => d.toJSON() as Obj).find((o) => o.kind === "Kafka")!;
    const selector = cluster.spec.kafka.template.clusterCaCert.metadata.annotations["kubed.appscode.com/sync"] as string;
    const [key, value] = selector.split("=");
    expect(byKind(kit.serviceObjects, "Namespace")[0]?.metadata.labels?.[key!]).toBe(value);
  });

  it("scales the Deployment on consumer-group lag over SASL_SSL/SCRAM-SHA-512, sasl and tls set once (in the trigger)", () => {
    const scaled = byKind(kit.serviceObjects, "ScaledObject")[0]!;
    expect(scaled.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "orders" });
    expect(scaled.spec.triggers).toEqual([
      {
        type: "kafka",
        metadata: { bootstrapServers: "k3-kafka-bootstrap.kafka.svc.cluster.local:9093", consumerGroup: "orders", topic: "orders", lagThreshold: "50", sasl: "scram_sha512", tls: "enable" },
        authenticationRef: { name: "orders-kafka", kind: "TriggerAuthentication" },
      },
    ]);
    expect(() => serviceKit(streamforge, "prod", { ...orders, scaling: { ...orders.scaling!, topic: "invoices" } })).toThrow(/scaling.topic "invoices" is not one of its consumed topics \(orders\)/);
  });

  it("gives the Deployment its Kafka env with the password only referenced, and the CA mounted", () => {
    expect(kit.client.env.find((e) => e.name === "KAFKA_PASSWORD")).toEqual({ name: "KAFKA_PASSWORD", valueFrom: { secretKeyRef: { name: "orders", key: "password" } } });
    expect(kit.client.env.filter((e) => "value" in e)).toEqual([{ name: "KAFKA_SSL_CA_LOCATION", value: "/etc/kafka-ca/ca.crt" }]);
    expect(kit.client.volumes[0]?.secret.secretName).toBe("k3-cluster-ca-cert");
  });

  it("serves its host through Traefik with a certificate from the platform's issuer, and a DNS record at Traefik's address", () => {
    expect(kit.host?.fqdn).toBe("orders.dmz.home");
    expect(kit.host?.dnsRecord.address).toBe(prod.ingress.loadBalancerIps.traefik);
    const certificate = byKind(kit.serviceObjects, "Certificate")[0]!;
    const ingress = byKind(kit.serviceObjects, "Ingress")[0]!;
    expect(certificate.spec.issuerRef.name).toBe(prod.ingress.issuer);
    expect(ingress.spec.tls).toEqual([{ hosts: ["orders.dmz.home"], secretName: certificate.spec.secretName }]);
  });

  it("includes the platform project's shared template, whose hidden jobs its jobs extend", () => {
    const files = kit.files();
    const ci = parse(files.find((f) => f.path === ".gitlab-ci.yml")!.content) as Record<string, any>;
    expect(ci.include).toEqual([{ project: "streamforge/streamforge", ref: "main", file: `/${prod.components.ci.template.path}` }]);
    const template = parse(generate(streamforge).find((r) => r.path === `gitlab-ci/${prod.components.ci.template.path}`)!.content) as Record<string, unknown>;
    for (const suffix of ["build", "test", "deploy"]) {
      expect(Object.keys(template)).toContain(ci[`orders-${suffix}`].extends);
      expect(ci[`orders-${suffix}`].variables).toEqual({ SERVICE_NAME: "orders", SERVICE_PATH: "services/orders" });
    }
  });

  it("writes files with the generated header, naming the service repository's command when given", () => {
    for (const f of kit.files({ command: "npm run gen:service" })) {
      expect(hasGeneratedHeader(f.content), f.path).toBe(true);
      expect(f.content, f.path).toContain("`npm run gen:service`");
    }
  });

  it("passes the platform's manifest lint (ScaledObject, TriggerAuthentication, KafkaUser against the CRD schemas)", async () => {
    expect(await lintServiceFiles(streamforge, "prod", kit.files())).toEqual([]);
  });

  it("whose CRD check bites: a trigger with a misspelt key fails", async () => {
    const files = kit.files().map((f) => (f.path.endsWith("orders.yaml") ? { ...f, content: f.content.replace("authenticationRef:", "authRef:") } : f));
    const diagnostics = await lintServiceFiles(streamforge, "prod", files);
    expect(diagnostics.map((d) => [d.rule, d.pointer])).toEqual([["schema/crd", "/spec/triggers/0/authRef"]]);
  });

  it("refuses a platform without the releases it relies on, naming them", () => {
    const bare: Platform = { ...structuredClone(streamforge), releases: streamforge.releases.filter((r) => r.name !== "keda" && r.name !== "config-syncer") };
    expect(() => serviceKit(bare, "prod", orders)).toThrow("service orders needs releases not installed in streamforge/prod: config-syncer (copies of the user and CA Secrets in the service's namespace), keda (the ScaledObject)");
  });
});
