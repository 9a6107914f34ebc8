/**
 * What the platform's manifests make exist once applied: the objects themselves, and what an
 * operator creates for a custom resource (a Certificate's Secret, a postgresql's roles and their
 * Secrets, a KafkaUser's Secret, a Kafka cluster's CA Secrets and Services), read from the objects
 * as they are in the files. Each rule follows the operator's naming at the pinned version.
 */
import type { Claim, Provided } from "../charts/contract.ts";
import type { Context } from "../../core/model/derive.ts";
import { kafkaExternal } from "../../core/model/derive.ts";
import { elasticsearchCreates } from "../charts/contracts.ts";
import { settingsOf } from "../../core/model/components.ts";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function meta(object: Obj): { name?: string; namespace?: string } {
  const m = isObj(object.metadata) ? object.metadata : {};
  return { name: str(m.name), namespace: str(m.namespace) };
}

/** The annotation config-syncer copies objects by (appscode/config-syncer: `kubed.appscode.com/sync`). */
const KUBED_SYNC = "kubed.appscode.com/sync";

/** Namespace of an object that exists in every namespace (a synced copy). */
export const ANY_NAMESPACE = "*";

const BUILTIN_KINDS = new Set(["Secret", "ConfigMap", "ServiceAccount", "PersistentVolumeClaim", "Service"]);

/** The object itself, when it is a kind references name, plus what its operator creates for it. */
export function objectCreates(object: Obj, defaultNamespace: string): Provided[] {
  const { name, namespace: ns } = meta(object);
  const namespace = ns ?? defaultNamespace;
  if (!name) return [];
  const kind = str(object.kind) ?? "";
  const group = (str(object.apiVersion) ?? "").split("/").slice(0, -1).join("/");
  const spec = isObj(object.spec) ? object.spec : {};
  if (group === "" && BUILTIN_KINDS.has(kind)) {
    const keys = kind === "Secret" || kind === "ConfigMap" ? [...Object.keys(isObj(object.data) ? object.data : {}), ...Object.keys(isObj(object.stringData) ? object.stringData : {})] : undefined;
    const ports = kind === "Service" && Array.isArray(spec.ports) ? spec.ports.flatMap((p) => (isObj(p) && typeof p.port === "number" ? [p.port] : [])) : undefined;
    const own: Provided = { kind: kind as Provided["kind"], namespace, name, ...(keys ? { keys } : {}), ...(ports ? { ports } : {}) };
    // config-syncer (kubed) copies an annotated Secret or ConfigMap into every namespace.
    const annotations = isObj((object.metadata as Obj | undefined)?.annotations) ? ((object.metadata as Obj).annotations as Obj) : {};
    const synced = (kind === "Secret" || kind === "ConfigMap") && KUBED_SYNC in annotations;
    return synced ? [own, { ...own, namespace: ANY_NAMESPACE }] : [own];
  }
  switch (`${group}/${kind}`) {
    case "storage.k8s.io/StorageClass":
      return [{ kind: "StorageClass", namespace: "", name }];
    // cert-manager writes the signed pair and the CA into `spec.secretName`.
    case "cert-manager.io/Certificate": {
      const secret = str(spec.secretName);
      return secret ? [{ kind: "Secret", namespace, name: secret, keys: ["tls.crt", "tls.key", "ca.crt"] }] : [];
    }
    // Zalando: each key of `users` is a role; `<ns>.<user>` (enable_cross_namespace_secret) puts its
    // Secret `<role>.<cluster>.credentials.postgresql.acid.zalan.do` into `<ns>`; the cluster's Service is `<cluster>`.
    case "acid.zalan.do/postgresql": {
      const users = isObj(spec.users) ? Object.keys(spec.users) : [];
      return [
        { kind: "Service", namespace, name, ports: [5432] },
        // The superuser and replication roles the operator always creates.
        ...["postgres", "standby"].map((role): Provided => ({ kind: "Secret", namespace, name: `${role}.${name}.credentials.postgresql.acid.zalan.do`, keys: ["username", "password"] })),
        ...users.flatMap((role): Provided[] => {
          const dot = role.indexOf(".");
          const secretNamespace = dot > 0 ? role.slice(0, dot) : namespace;
          return [
            { kind: "PostgresRole", namespace, name: role },
            { kind: "Secret", namespace: secretNamespace, name: `${role}.${name}.credentials.postgresql.acid.zalan.do`, keys: ["username", "password"] },
          ];
        }),
      ];
    }
    // Strimzi's User Operator writes a KafkaUser's credentials into a Secret of the user's name.
    case "kafka.strimzi.io/KafkaUser":
      return [{ kind: "Secret", namespace, name, keys: ["password", "sasl.jaas.config"] }];
    case "kafka.strimzi.io/Kafka":
      return [
        { kind: "Secret", namespace, name: `${name}-cluster-ca-cert`, keys: ["ca.crt", "ca.p12", "ca.password"] },
        { kind: "Secret", namespace, name: `${name}-clients-ca-cert`, keys: ["ca.crt", "ca.p12", "ca.password"] },
        { kind: "Service", namespace, name: `${name}-kafka-bootstrap` },
      ];
    case "elasticsearch.k8s.elastic.co/Elasticsearch":
      return elasticsearchCreates(name, namespace);
    case "database.arangodb.com/ArangoDeployment":
      return [{ kind: "Service", namespace, name, ports: [8529] }];
    default:
      return [];
  }
}

/** Services Strimzi creates for the external listener the model routes through Traefik (S11). */
export function kafkaExternalServices(ctx: Context): Provided[] {
  if (!ctx.env.ingress.tcpRoutes.some((r) => "kafka" in r.backend)) return [];
  const k = kafkaExternal(ctx);
  return [k.bootstrapService, ...k.brokers.map((b) => b.service)].map((name) => ({ kind: "Service", namespace: k.namespace, name, ports: [k.port] }));
}

/** Volumes the custom resources of local releases claim, from the model (by manifest builder). */
export const localClaims: Readonly<Record<string, (ctx: Context) => Claim[]>> = {
  "kafka-cluster": ({ env }) => {
    const k = settingsOf(env, "kafka");
    return [{ what: "Kafka brokers", storageClass: k.storageClass, size: k.size, count: k.replicas, modelPath: ["components", "kafka", "size"] }];
  },
  "gitlab-runner-jobs": ({ env }) =>
    settingsOf(env, "runner").volumes.flatMap((v, i) => (v.kind === "pvc" && v.size && v.storageClass ? [{ what: `CI job volume ${v.name}`, storageClass: v.storageClass, size: v.size, count: 1, modelPath: ["components", "runner", "volumes", i, "size"] }] : [])),
  "postgres-cluster": ({ env }) => {
    const p = settingsOf(env, "postgres");
    return [{ what: "PostgreSQL instances", storageClass: p.storageClass, size: p.size, count: p.instances, modelPath: ["components", "postgres", "size"] }];
  },
  "arangodb-deployment": ({ env }) => {
    const a = settingsOf(env, "arangodb");
    const path = ["components", "arangodb", "size"];
    if (a.mode === "Single") return [{ what: "ArangoDB single server", storageClass: a.storageClass, size: a.size, count: 1, modelPath: path }];
    return [
      { what: "ArangoDB DB-servers", storageClass: a.storageClass, size: a.size, count: a.cluster.dbservers, modelPath: path },
      // Agents get the operator's default volume (kube-arangodb 1.3.0 pkg/apis/deployment/v1/server_group_spec.go).
      { what: "ArangoDB agents", storageClass: a.storageClass, size: ARANGODB_AGENT_VOLUME, count: a.cluster.agents, modelPath: ["components", "arangodb", "cluster", "agents"] },
    ];
  },
};

/** Volume size kube-arangodb requests for a member that sets none. */
export const ARANGODB_AGENT_VOLUME = "8Gi";
