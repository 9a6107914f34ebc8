/**
 * The service kit: for one service in its own namespace, everything it needs from the platform,
 * derived from the platform's model so a service repository writes none of it by hand (S17, S20,
 * S28-S31): its KafkaTopics and KafkaUser with ACLs, credentials KEDA can read in its namespace,
 * a ScaledObject on consumer-group lag, a host with certificate, Ingress and DNS record, the
 * environment its Deployment needs to reach Kafka, and its `.gitlab-ci.yml`.
 *
 * @example
 * ```ts
 * import { streamforge } from "@streamforge/platform";
 * import { serviceKit } from "@streamforge/platform/service-kit";
 * const kit = serviceKit(streamforge, "prod", { name: "orders", path: "services/orders", topics: [...], ci: {...} });
 * kit.client.env; // for the Deployment's container
 * kit.files();    // manifests, DNS record and .gitlab-ci.yml, with generated headers
 * ```
 *
 * @packageDocumentation
 */
import type { Environment, Platform } from "../core/model/types.ts";
import { isEnabled, kafkaBootstrap, type Context } from "../core/model/derive.ts";
import type { DnsRecord } from "../core/model/dns.ts";
import { MANAGED_COMMENT } from "../core/model/dns.ts";
import type { KubeObject } from "../helm/manifests/kube.ts";
import { orderKubeObject, yamlFile, type Json } from "../core/yaml.ts";
import { GENERATED_MARKER, type FileRecord, withCommand } from "../core/files.ts";
import { environmentNamed } from "../core/environments.ts";
import { kafkaTopics, kafkaUser, kafkaUserName, serviceNamespace, kafkaNamespace, consumerGroup } from "./kafka.ts";
import { kafkaClientSetup, kafkaConfigMap, serviceNamespaceObject, type KafkaClientSetup } from "./env.ts";
import { scaledObject, triggerAuthentication } from "./keda.ts";
import { certificate, dnsRecord, ingress, serviceHostName } from "./route.ts";
import { servicePipeline } from "./gitlab-ci.ts";
import type { ServiceSpec } from "./types.ts";
import { settingsOf } from "../core/model/components.ts";

export type * from "./types.ts";
export type { EnvVar, KafkaClientSetup, Volume, VolumeMount } from "./env.ts";
export type { KubeObject, ObjectMeta } from "../helm/manifests/kube.ts";
export type { DnsRecord, RecordSource } from "../core/model/dns.ts";
export type { Json } from "../core/yaml.ts";
export { writeRecords } from "../pipeline/gen.ts";
export { lintServiceFiles } from "./lint.ts";

export interface ServiceKit {
  /** The platform and environment the kit was built against (what `lint` checks the files with). */
  platform: Platform;
  env: Environment;
  namespace: string;
  /** Connection facts: bootstrap address (TLS listener), protocol, mechanism, user and group. */
  kafka: { bootstrapServers: string; securityProtocol: "SASL_SSL"; saslMechanism: "SCRAM-SHA-512"; user: string; consumerGroup: string; userSecret: { name: string; namespace: string; keys: ["password", "sasl.jaas.config"] } };
  /** Objects in the Kafka cluster's namespace (Strimzi watches there): topics and the user. */
  kafkaObjects: KubeObject[];
  /** Objects in the service's namespace: namespace, ConfigMap, KEDA auth and ScaledObject, certificate and Ingress. */
  serviceObjects: KubeObject[];
  /** Env, volumes and mounts for the service's Deployment. */
  client: KafkaClientSetup;
  host?: { fqdn: string; dnsRecord: DnsRecord };
  gitlabCi: Record<string, Json>;
  /**
   * The files a service repository commits: `deploy/<env>/*.yaml`, its DNS record,
   * `.gitlab-ci.yml`, and `extra` (its own manifests, e.g. the Deployment built with `client`).
   * `command` is what regenerates them in that repository, named in each header.
   */
  files(options?: { command?: string; extra?: FileRecord[] }): FileRecord[];
}

/** Releases the kit's objects rely on, by what needs them. */
function requiredReleases(spec: ServiceSpec): Array<{ release: string; why: string }> {
  return [
    { release: "kafka-cluster", why: "topics and the user" },
    { release: "strimzi-kafka-operator", why: "KafkaTopic and KafkaUser" },
    { release: "config-syncer", why: "copies of the user and CA Secrets in the service's namespace" },
    ...(spec.scaling ? [{ release: "keda", why: "the ScaledObject" }] : []),
    ...(spec.host ? [{ release: "traefik", why: "the Ingress" }, { release: "cert-manager-issuers", why: "the Certificate" }] : []),
  ];
}

function checkPlatform(ctx: Context, spec: ServiceSpec): void {
  const missing = requiredReleases(spec).filter(({ release }) => {
    const r = ctx.platform.releases.find((x) => x.name === release);
    return !r || !isEnabled(ctx.env, r);
  });
  if (missing.length) {
    throw new Error(`service ${spec.name} needs releases not installed in ${ctx.platform.name}/${ctx.env.name}: ${missing.map((m) => `${m.release} (${m.why})`).join(", ")}`);
  }
}

/** A generated YAML file of Kubernetes objects (header first, one document each), for `files({ extra })`. */
export function manifestFile(path: string, objects: readonly KubeObject[]): FileRecord {
  return { path, content: yamlFile(...objects.map(orderKubeObject)) };
}

const defined = <T>(items: Array<T | undefined>): T[] => items.filter((i): i is T => i !== undefined);

/** Builds the kit for `spec` in environment `env` of `platform`. */
export function serviceKit(platform: Platform, env: string | Environment, spec: ServiceSpec): ServiceKit {
  const environment = typeof env === "string" ? environmentNamed(platform, env) : env;
  const ctx: Context = { platform, env: environment };
  checkPlatform(ctx, spec);
  const kafkaObjects = [...kafkaTopics(ctx, spec), kafkaUser(ctx, spec)];
  const serviceObjects = defined([serviceNamespaceObject(spec), kafkaConfigMap(ctx, spec), triggerAuthentication(ctx, spec), scaledObject(ctx, spec), certificate(ctx, spec), ingress(ctx, spec)]);
  const fqdn = serviceHostName(ctx, spec);
  const record = dnsRecord(ctx, spec);
  const gitlabCi = servicePipeline(settingsOf(environment, "ci"), spec);
  const kit: ServiceKit = {
    platform,
    env: environment,
    namespace: serviceNamespace(spec),
    kafka: {
      bootstrapServers: kafkaBootstrap(ctx),
      securityProtocol: "SASL_SSL",
      saslMechanism: "SCRAM-SHA-512",
      user: kafkaUserName(spec),
      consumerGroup: consumerGroup(spec),
      userSecret: { name: kafkaUserName(spec), namespace: kafkaNamespace(ctx), keys: ["password", "sasl.jaas.config"] },
    },
    kafkaObjects,
    serviceObjects,
    client: kafkaClientSetup(ctx, spec),
    ...(fqdn && record ? { host: { fqdn, dnsRecord: record } } : {}),
    gitlabCi,
    files(options = {}) {
      const dir = `deploy/${environment.name}`;
      const records: FileRecord[] = [
        { path: `${dir}/kafka.yaml`, content: yamlFile(...kafkaObjects.map(orderKubeObject)), env: environment.name },
        { path: `${dir}/${spec.name}.yaml`, content: yamlFile(...serviceObjects.map(orderKubeObject)), env: environment.name },
        { path: ".gitlab-ci.yml", content: yamlFile(gitlabCi) },
      ];
      if (record) {
        const json = { $comment: `${GENERATED_MARKER} from the @streamforge/platform model. Do not edit.`, environment: environment.name, records: [{ domain: record.name, type: record.type, ttl: record.ttl, ipAddress: record.address, comments: MANAGED_COMMENT }] };
        records.push({ path: `${dir}/dns-records.json`, content: `${JSON.stringify(json, null, 2)}\n`, env: environment.name });
      }
      records.push(...(options.extra ?? []));
      return records.map((r) => (options.command ? withCommand(r, options.command) : r));
    },
  };
  return kit;
}
