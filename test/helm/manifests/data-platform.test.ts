/**
 * The plain custom resources of the data platform (S14, S17-S19, A10) as generated for prod and
 * lab, and every one of them against the committed CRD schema of the pinned operator.
 */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { kafkaExternal, postgresUserSecret } from "../../../src/core/model/derive.ts";
import { pathsUnder, yamlOf } from "../../support/generated.ts";
import { crdErrors, hasCrdSchema } from "../../support/crd.ts";

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

  it.each(RELEASES)("every object of %s is valid against its CRD schema", (release) => {
    // Built-in kinds (the grants Job) are checked by the Kubernetes schemas of lint instead.
    const objects = objectsOf(envName, release).filter((o) => o.apiVersion !== "batch/v1");
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
    // Strimzi 0.47.0 supports Kafka 3.9.0, 3.9.1 and 4.0.0 (test:upstream checks the chart is that release).
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

  it("S21 A10 KafkaUser kafka-ui authenticates with SCRAM-SHA-512 and may manage topics, messages, consumer groups and ACLs", () => {
    const user = ofKind("KafkaUser").find((u) => u.metadata.name === "kafka-ui");
    expect(user.spec.authentication).toEqual({ type: "scram-sha-512" });
    expect(user.spec.authorization.type).toBe("simple");
    const ops = (type: string) => user.spec.authorization.acls.filter((a: any) => a.resource.type === type).flatMap((a: any) => a.operations);
    // Topics: create, change, delete, browse and produce messages.
    for (const op of ["Create", "Delete", "AlterConfigs", "Read", "Write", "Describe"]) expect(ops("topic")).toContain(op);
    // Consumer groups: reset offsets, delete.
    for (const op of ["Read", "Delete", "Describe"]) expect(ops("group")).toContain(op);
    // ACLs and SCRAM credentials of users need Alter on the cluster.
    expect(ops("cluster")).toContain("Alter");
  });

  it("S17 a KafkaConnect for k3 logs in as its own KafkaUser over the TLS listener, trusting the cluster CA", () => {
    const [connect] = ofKind("KafkaConnect");
    const model = env.components.kafka.connect;
    expect(connect.metadata.name).toBe(model.name);
    expect(connect.metadata.annotations["strimzi.io/use-connector-resources"]).toBe("true");
    expect(connect.spec.replicas).toBe(envName === "prod" ? 2 : 1);
    expect(connect.spec.bootstrapServers).toBe(`k3-kafka-bootstrap:${env.components.kafka.tlsPort}`);
    expect(connect.spec.tls.trustedCertificates).toEqual([{ secretName: "k3-cluster-ca-cert", certificate: "ca.crt" }]);
    const user = ofKind("KafkaUser").find((u) => u.metadata.name === model.name);
    expect(user.metadata.labels["strimzi.io/cluster"]).toBe("k3");
    // Strimzi writes a KafkaUser's password into the Secret of the same name, key `password`.
    expect(connect.spec.authentication).toEqual({ type: "scram-sha-512", username: user.metadata.name, passwordSecret: { secretName: user.metadata.name, password: "password" } });
  });

  it("S17 Kafka Connect's user may use its group and internal topics (it creates them) and the model's topics", () => {
    const [connect] = ofKind("KafkaConnect");
    const acls = ofKind("KafkaUser").find((u) => u.metadata.name === connect.metadata.name).spec.authorization.acls;
    const allows = (type: string, name: string, op: string) =>
      acls.some((a: any) => a.resource.type === type && a.operations.includes(op) && (a.resource.patternType === "prefix" ? name.startsWith(a.resource.name) : a.resource.name === name));
    expect(allows("group", connect.spec.config["group.id"], "Read")).toBe(true);
    for (const key of ["offset.storage.topic", "config.storage.topic", "status.storage.topic"]) {
      for (const op of ["Create", "Read", "Write", "Describe"]) expect(allows("topic", connect.spec.config[key], op), `${key} ${op}`).toBe(true);
    }
    for (const topic of env.components.kafka.topics) expect(allows("topic", topic.name, "Write")).toBe(true);
    expect(allows("topic", "some-other-topic", "Read")).toBe(false);
  });

  it("S14 S18 ArangoDeployment in the model's mode on linstor-r2, agents included", () => {
    const [db] = objectsOf(envName, "arangodb-deployment");
    expect(db.apiVersion).toBe("database.arangodb.com/v1");
    expect(db.spec.mode).toBe(envName === "prod" ? "Cluster" : "Single");
    const members = envName === "prod" ? db.spec.dbservers : db.spec.single;
    expect(members.storageClassName).toBe("linstor-r2");
    expect(members.resources.requests.storage).toBe(env.components.arangodb.size);
    expect(db.spec.image).toBe(`arangodb/arangodb:${env.components.arangodb.version}`);
    if (envName === "prod") {
      expect([db.spec.agents.count, db.spec.dbservers.count, db.spec.coordinators.count]).toEqual([3, 3, 3]);
      // Agents keep the cluster's Raft state: their volumes are on the replicated class too.
      expect(db.spec.agents.storageClassName).toBe("linstor-r2");
    }
  });

  it("S14 S19 the postgresql cluster has the model's instances, version, size, linstor-r2 and databases", () => {
    const pg = objectsOf(envName, "postgres-cluster").find((o) => o.kind === "postgresql");
    const model = env.components.postgres;
    expect(pg.apiVersion).toBe("acid.zalan.do/v1");
    expect(pg.spec.numberOfInstances).toBe(envName === "prod" ? 2 : 1);
    expect(pg.spec.postgresql.version).toBe(model.version);
    expect(pg.spec.volume).toEqual({ size: model.size, storageClass: "linstor-r2" });
    expect(Object.keys(pg.spec.databases)).toEqual(Object.keys(model.databases));
    expect(pg.spec.databases.keycloak).toBeDefined();
  });

  it("S19 S35 S26 roles are declared so Keycloak and Grafana get their password Secret in their own namespace", () => {
    const pg = objectsOf(envName, "postgres-cluster").find((o) => o.kind === "postgresql");
    const users = Object.keys(pg.spec.users);
    expect(users).toContain(postgresUserSecret(env, env.components.postgres.databases.keycloak!, "keycloak").manifestUser);
    expect(users).toContain(postgresUserSecret(env, "grafana", "monitoring").manifestUser);
  });

  it("S19 S35 S26 owners, Keycloak's login and Grafana's data source name the exact role the operator creates", () => {
    // Zalando v1.14.0 keeps `keycloak.keycloak` whole as the role name (initRobotUsers).
    const pg = objectsOf(envName, "postgres-cluster").find((o) => o.kind === "postgresql");
    const roles = Object.keys(pg.spec.users);
    expect(pg.spec.databases.keycloak).toBe("keycloak.keycloak");
    for (const owner of Object.values(pg.spec.databases)) expect(roles).toContain(owner);
    const keycloak = yamlOf(`values/${envName}/keycloakx.yaml`);
    expect(keycloak.database.username).toBe(pg.spec.databases.keycloak);
    const grafanaPg = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`).grafana.additionalDataSources.find((d: any) => d.uid === "postgresql");
    expect(grafanaPg.user).toBe("monitoring.grafana");
    expect(roles).toContain(grafanaPg.user);
  });

  it("S26 Grafana's role is granted read access to its data source's database by a Job running as the superuser", () => {
    const objects = objectsOf(envName, "postgres-cluster");
    const jobs = objects.filter((o) => o.kind === "Job");
    expect(jobs).toHaveLength(1);
    const container = jobs[0].spec.template.spec.containers[0];
    const script: string = container.command.at(-1);
    const database = env.components.monitoring.grafana.datasources.postgres.database;
    expect(script).toContain(`-d ${database}`);
    expect(script).toContain(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO "monitoring.grafana";`);
    expect(script).toContain(`GRANT CONNECT ON DATABASE "${database}" TO "monitoring.grafana";`);
    expect(script).toMatch(/ALTER DEFAULT PRIVILEGES FOR ROLE "streamforge" IN SCHEMA public GRANT SELECT ON TABLES TO "monitoring.grafana";/);
    const password = container.env.find((e: any) => e.name === "PGPASSWORD");
    expect(password.valueFrom.secretKeyRef).toEqual({ name: `postgres.${env.components.postgres.name}.credentials.postgresql.acid.zalan.do`, key: "password" });
    expect(container.image).not.toMatch(/:latest$/);
  });

  it("S19 logical backups run on the model's schedule", () => {
    const pg = objectsOf(envName, "postgres-cluster").find((o) => o.kind === "postgresql");
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
