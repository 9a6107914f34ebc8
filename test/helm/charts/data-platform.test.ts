/** Values of the data platform's charts (S17-S21, A10, A13) for prod and lab. */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { manifestContext } from "../../../src/helm/releases.ts";
import { resolveWebBackend } from "../../../src/helm/charts/web-backends.ts";
import { yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("data platform values in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const ui = yamlOf(`values/${envName}/kafka-ui.yaml`);
  const envOf = (name: string) => ui.env.find((e: any) => e.name === name);

  it("S17 the Strimzi operator watches the kafka namespace, where it runs itself", () => {
    const values = yamlOf(`values/${envName}/strimzi-kafka-operator.yaml`);
    // The chart watches its own namespace when the list is empty; the cluster lives there too.
    expect(values.watchNamespaces).toEqual([]);
    expect(values.watchAnyNamespace).toBe(false);
    expect(streamforge.releases.find((r) => r.name === "strimzi-kafka-operator")!.namespace).toBe("kafka");
  });

  it("S21 kafka-ui runs 1 replica on the model's node (k2w-7 in prod)", () => {
    expect(ui.replicaCount).toBe(1);
    expect(ui.nodeSelector).toEqual({ "kubernetes.io/hostname": env.components.kafkaUi.node });
    if (envName === "prod") expect(ui.nodeSelector["kubernetes.io/hostname"]).toBe("k2w-7");
    else expect(env.nodes.map((n) => n.name)).toContain(ui.nodeSelector["kubernetes.io/hostname"]);
  });

  it("S21 kafka-ui connects to k3's TLS listener with SASL_SSL / SCRAM-SHA-512", () => {
    expect(envOf("KAFKA_CLUSTERS_0_NAME").value).toBe("k3");
    expect(envOf("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS").value).toBe("k3-kafka-bootstrap.kafka.svc.cluster.local:9093");
    expect(envOf("KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL").value).toBe("SASL_SSL");
    expect(envOf("KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM").value).toBe("SCRAM-SHA-512");
  });

  it("S21 A13 kafka-ui takes its JAAS line and CA from Strimzi's Secrets, by reference only", () => {
    expect(envOf("KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG")).toEqual({
      name: "KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG",
      valueFrom: { secretKeyRef: { name: "kafka-ui", key: "sasl.jaas.config" } },
    });
    expect(ui.volumes).toEqual([{ name: "kafka-ca", secret: { secretName: "k3-cluster-ca-cert", items: [{ key: "ca.crt", path: "ca.crt" }] } }]);
    const mount = ui.volumeMounts[0].mountPath;
    expect(envOf("KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION").value).toBe(`${mount}/ca.crt`);
    expect(JSON.stringify(ui)).not.toMatch(/password|ScramLoginModule/i);
  });

  it("S21 A11 kafka-ui leaves its host to the Gateway, which routes to the Service the chart creates", () => {
    expect(ui.ingress).toBeUndefined();
    const backend = resolveWebBackend(manifestContext(streamforge, env), "kafka-ui");
    expect(backend.name).toBe(ui.fullnameOverride);
    expect(backend.port).toBe(80);
  });

  it("S18 the ArangoDB operator runs the deployment controller without its own storage provisioner", () => {
    const values = yamlOf(`values/${envName}/kube-arangodb.yaml`);
    expect(values.operator.features).toMatchObject({ deployment: true, storage: false });
  });

  it("S19 S16 the postgres operator backs clusters up to the MinIO bucket, keys from a Secret (A13)", () => {
    const values = yamlOf(`values/${envName}/postgres-operator.yaml`);
    const backup = env.components.postgres.backup;
    expect(values.configLogicalBackup).toMatchObject({
      logical_backup_provider: "s3",
      logical_backup_s3_endpoint: "http://minio.minio.svc.cluster.local:9000",
      logical_backup_s3_bucket: backup.bucket,
      logical_backup_schedule: backup.schedule,
      logical_backup_cronjob_environment_secret: backup.credentialsSecret,
    });
    expect(env.components.minio.buckets).toContain(backup.bucket);
    expect(values.configLogicalBackup.logical_backup_s3_secret_access_key).toBeUndefined();
    expect(values.configKubernetes).toMatchObject({ watched_namespace: "postgres", enable_cross_namespace_secret: true });
  });

  it("S20 KEDA's operator and metrics server are scraped by Prometheus", () => {
    const values = yamlOf(`values/${envName}/keda.yaml`);
    expect(values.prometheus.operator.serviceMonitor.enabled).toBe(true);
    expect(values.prometheus.metricServer.serviceMonitor.enabled).toBe(true);
  });
});
