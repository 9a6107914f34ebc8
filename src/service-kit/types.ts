/** What a service repository says about one service; the kit derives everything else from the platform. */
import type { Count, DnsLabel, Port } from "../core/model/types.ts";

/** How the service uses a topic: its ACLs follow (consume = Read + Describe, produce = Write + Describe). */
export type TopicAccess = "consume" | "produce" | "both";

export interface ServiceTopic {
  /** Topic name; Strimzi's topic operator creates it in the platform's Kafka cluster. */
  name: string;
  partitions: Count;
  access: TopicAccess;
  /** `retention.ms`, when the broker default does not suit. */
  retentionMs?: Count;
}

/** KEDA scaling of the service's Deployment on consumer-group lag (S20). */
export interface LagScaling {
  /** The topic whose lag counts; default: the first topic the service consumes. */
  topic?: string;
  /** Average lag per replica KEDA aims at (`lagThreshold`). */
  lagThreshold: Count;
  minReplicas: number;
  maxReplicas: Count;
}

/** A web host `<label>.<domain>` served by Traefik with a certificate from the platform's issuer. */
export interface ServiceHost {
  label: DnsLabel;
  /** The Service port the host routes to. */
  port: Port;
  /** The Service name; default: the service's name. */
  service?: DnsLabel;
}

/** The GitLab project holding the shared CI template (S31), included with `include: project:`. */
export interface CiTemplateSource {
  /** Project path, e.g. `streamforge/streamforge`. */
  project: string;
  /** Branch or tag of that project. */
  ref: string;
}

export interface ServiceSpec {
  /** The service: its namespace, Deployment, KafkaUser and consumer group unless named otherwise. */
  name: DnsLabel;
  /** Namespace of the service; default `name`. */
  namespace?: DnsLabel;
  /** The Deployment KEDA scales and its container that talks to Kafka; default `name` for both. */
  deployment?: DnsLabel;
  container?: DnsLabel;
  /** The service's folder in its repository (`SERVICE_PATH`, S31), holding its Dockerfile. */
  path: string;
  topics: ServiceTopic[];
  /** Consumer group id; default `name`. */
  consumerGroup?: string;
  scaling?: LagScaling;
  host?: ServiceHost;
  ci: CiTemplateSource;
}
