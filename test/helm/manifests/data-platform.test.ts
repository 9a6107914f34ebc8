/**
 * The plain custom resources of the data platform (S14, S17-S19, A10) as generated for prod and
 * lab, and every one of them against the upstream CRD schema of the pinned operator.
 */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { kafkaExternal, postgresUserSecret } from "../../../src/core/model/derive.ts";
import { pathsUnder, yamlOf } from "../../support/generated.ts";
import { crdErrors, hasCrdSchema } from "../../support/crd.ts";
import { upstreamValues } from "../../support/reference.ts";

const RELEASES = ["kafka-cluster", "arangodb-deployment", "postgres-cluster"];

function objectsOf(envName: string, release: string): any[] {
  return pathsUnder(`manifests/${envName}/${release}/`).map((p) => yamlOf(p));
}

describe.each(streamforge.environments.map((e) => e.name))("data platform manifests in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const ctx = { platform: streamforge, env };
  const kafkaObjects = objectsOf(envName, "kafka-cluster");
  const ofKind = (kind: string) => kafkaObjects.filter((o) => o.kind === kind);
  const kafka = ofKind("Kafka")[0];
  const pool = ofKind("KafkaNodePool")[0];

  it.each(RELEASES)("every object of %s is valid against its upstream CRD schema", (release) => {
    const objects = objectsOf(envName, release);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      expect(hasCrdSchema(object), `${object.apiVersion} ${object.kind}`).toBe(true);
      expect(crdErrors(object), `${object.kind}/${object.metadata.name}`).toEqual([]);
    }
  });

  it("S17 A10 Kafka cluster k3 in namespace kafka runs KRaft with node pools (no ZooKeeper)", () => {
    expect(kafka.metadata).toMatchObject({ name: "k3", namespace: "kafka" });
    expect(kafka.metadata.annotations).toEqual({ "strimzi.io/kraft": "enabled", "strimzi.io/node-pools": "enabled" });
    expect(kafka.spec.zookeeper).toBeUndefined();
    expect(pool.metadata.labels["strimzi.io/cluster"]).toBe("k3");
    expect(pool.spec.roles).toEqual(["controller", "broker"]);
  });

  it("A1 the node pool has the environment's replica count (3 in prod, 1 in lab)", () => {
    expect(pool.spec.replicas).toBe(envName === "prod" ? 3 : 1);
    expect(pool.metadata.annotations["strimzi.io/next-node-ids"]).toBe(`[0-${pool.spec.replicas - 1}]`);
  });

  it("S17 the Kafka version is one Strimzi 0.47 supports", () => {
    // Strimzi 0.47.0 supports Kafka 3.9.0, 3.9.1 and 4.0.0; the chart's image tag names the release.
    expect(upstreamValues("strimzi-kafka-operator", "0.47.0").defaultImageTag).toBe("0.47.0");
    expect(["3.9.0", "3.9.1", "4.0.0"]).toContain(kafka.spec.kafka.version);
    expect(kafka.spec.kafka.version).toBe(env.components.kafka.version);
  });

  it("S14 A8 Kafka stores its logs and KRaft metadata on persistent linstor-r2 volumes", () => {
    const [volume] = pool.spec.storage.volumes;
    expect(pool.spec.storage.type).toBe("jbod");
    expect(volume).toMatchObject({ type: "persistent-claim", class: "linstor-r2", size: env.components.kafka.size, kraftMetadata: "shared", deleteClaim: false });
  });

  it("A10 the internal TLS listener authenticates with SCRAM-SHA-512 and ACLs are enforced", () => {
    const tls = kafka.spec.kafka.listeners.find((l: any) => l.type === "internal");
    expect(tls).toMatchObject({ name: "tls", port: 9093, tls: true, authentication: { type: "scram-sha-512" } });
    expect(kafka.spec.kafka.authorization).toEqual({ type: "simple" });
  });

  it("S11 A10 the external listener matches what Traefik routes to: per-broker SNI hosts on the entry point's port", () => {
    const ext = kafkaExternal(ctx);
    const route = env.ingress.tcpRoutes.find((r) => r.name === "kafka")!;
    const listener = kafka.spec.kafka.listeners.find((l: any) => l.name === "external");
    // Strimzi's Service names in kafkaExternal hold only for this name and port.
    expect(listener).toMatchObject({ name: "external", port: 9094, type: "cluster-ip", tls: true, authentication: { type: "scram-sha-512" } });
    expect(ext.bootstrapService).toBe("k3-kafka-external-bootstrap");
    expect(listener.configuration.bootstrap.alternativeNames).toEqual([`kafka.${env.domain}`]);
    expect(listener.configuration.brokers).toEqual(
      Array.from({ length: pool.spec.replicas }, (_, id) => ({ broker: id, advertisedHost: `kafka-${id}.${env.domain}`, advertisedPort: route.port })),
    );
    expect(ext.brokers.map((b) => b.service)).toEqual(Array.from({ length: pool.spec.replicas }, (_, id) => `k3-${pool.metadata.name}-${id}`));
  });

  it("S17 the model's topics are KafkaTopics of k3 with a replication that fits the brokers", () => {
    const topics = ofKind("KafkaTopic");
    expect(topics.map((t) => t.metadata.name)).toEqual(env.components.kafka.topics.map((t) => t.name));
    for (const topic of topics) {
      expect(topic.metadata.labels["strimzi.io/cluster"]).toBe("k3");
      expect(topic.spec.replicas).toBeLessThanOrEqual(pool.spec.replicas);
    }
  });

  it("S21 A10 KafkaUser kafka-ui authenticates with SCRAM-SHA-512 and may only read", () => {
    const user = ofKind("KafkaUser")[0];
    expect(user.metadata.name).toBe("kafka-ui");
    expect(user.spec.authentication).toEqual({ type: "scram-sha-512" });
    expect(user.spec.authorization.type).toBe("simple");
    const ops = user.spec.authorization.acls.flatMap((a: any) => a.operations);
    expect(ops).toContain("Read");
    for (const forbidden of ["Write", "Create", "Delete", "Alter", "All"]) expect(ops).not.toContain(forbidden);
  });

  it("S14 S18 ArangoDeployment in the model's mode on linstor-r2", () => {
    const [db] = objectsOf(envName, "arangodb-deployment");
    expect(db.apiVersion).toBe("database.arangodb.com/v1");
    expect(db.spec.mode).toBe(envName === "prod" ? "Cluster" : "Single");
    const members = envName === "prod" ? db.spec.dbservers : db.spec.single;
    expect(members.storageClassName).toBe("linstor-r2");
    expect(members.resources.requests.storage).toBe(env.components.arangodb.size);
    expect(db.spec.image).toBe(`arangodb/arangodb:${env.components.arangodb.version}`);
    if (envName === "prod") {
      expect([db.spec.agents.count, db.spec.dbservers.count, db.spec.coordinators.count]).toEqual([3, 3, 3]);
    }
  });

  it("S14 S19 the postgresql cluster has the model's instances, version, size, linstor-r2 and databases", () => {
    const [pg] = objectsOf(envName, "postgres-cluster");
    const model = env.components.postgres;
    expect(pg.apiVersion).toBe("acid.zalan.do/v1");
    expect(pg.spec.numberOfInstances).toBe(envName === "prod" ? 2 : 1);
    expect(pg.spec.postgresql.version).toBe(model.version);
    expect(pg.spec.volume).toEqual({ size: model.size, storageClass: "linstor-r2" });
    expect(pg.spec.databases).toEqual(model.databases);
    expect(pg.spec.databases.keycloak).toBeDefined();
  });

  it("S19 S35 S26 roles are declared so Keycloak and Grafana get their password Secret in their own namespace", () => {
    const [pg] = objectsOf(envName, "postgres-cluster");
    const users = Object.keys(pg.spec.users);
    expect(users).toContain(postgresUserSecret(env, env.components.postgres.databases.keycloak!, "keycloak").manifestUser);
    expect(users).toContain(postgresUserSecret(env, "grafana", "monitoring").manifestUser);
    // Every database owner is a declared role (the part after the namespace's dot).
    for (const owner of Object.values(pg.spec.databases)) expect(users.map((u) => u.split(".").pop())).toContain(owner);
  });

  it("S19 logical backups run on the model's schedule", () => {
    const [pg] = objectsOf(envName, "postgres-cluster");
    expect(pg.spec.enableLogicalBackup).toBe(true);
    expect(pg.spec.logicalBackupSchedule).toBe(env.components.postgres.backup.schedule);
  });
});

describe("the CRD schema check", () => {
  it("rejects a Kafka listener of an unknown type", () => {
    const kafka = yamlOf("manifests/prod/kafka-cluster/kafka-kafka-k3.yaml");
    kafka.spec.kafka.listeners[0].type = "bogus";
    expect(crdErrors(kafka).join("\n")).toMatch(/listeners\/0\/type/);
  });
});
