import { stringify } from "yaml";
import { type KubeObject, type ManifestBuilder, managedLabels } from "./kube.ts";
import {
  type Context,
  PUBLIC_DATA_ANNOTATION,
  elasticsearchHttpCertSecret,
  elasticsearchRolesSecret,
  namespaceOf,
  serviceHost,
} from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** The file a role Secret holds for ECK's `auth.roles`. */
export const ROLES_FILE = "roles.yml";

/**
 * The roles of the platform's Elasticsearch users (S25, S26): Grafana may read the log indices
 * and their mappings; Fluent Bit may create them and add documents, nothing else. `monitor` lets
 * each read the cluster's version and health, which both check on connect.
 */
export function elasticsearchRoles(ctx: Context): Record<string, { cluster: string[]; indices: Array<{ names: string[]; privileges: string[] }> }> {
  const logging = settingsOf(ctx.env, "logging");
  const indices = [`${logging.indexPrefix}-*`];
  return {
    [logging.users.grafana.role]: { cluster: ["monitor"], indices: [{ names: indices, privileges: ["read", "view_index_metadata"] }] },
    [logging.users.fluentBit.role]: { cluster: ["monitor"], indices: [{ names: indices, privileges: ["create_index", "create_doc"] }] },
  };
}

/**
 * What Elasticsearch needs before it starts: its HTTP certificate from the internal CA issuer
 * (S7), so clients verify it with the CA bundle instead of skipping verification, and the role
 * definitions of the platform's users. ECK reads roles only from a Secret; this one holds role
 * definitions, no secret value, and says so in its annotation. With a trial licence, the
 * Secret that starts ECK's enterprise trial (in the operator's namespace).
 */
export const elasticsearchSetup: ManifestBuilder = (ctx) => {
  const { platform, env } = ctx;
  const es = settingsOf(env, "logging").elasticsearch;
  const namespace = namespaceOf(platform, "eck-elasticsearch");
  const labels = managedLabels("logging");
  const service = `${es.name}-es-http`;
  const certificate: KubeObject = {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: { name: elasticsearchHttpCertSecret(env), namespace, labels },
    spec: {
      secretName: elasticsearchHttpCertSecret(env),
      commonName: service,
      // The names ECK's own self-signed certificate would carry for the HTTP Service.
      dnsNames: [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, serviceHost(service, namespace)],
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: env.ingress.issuer },
    },
  };
  const roles: KubeObject = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: elasticsearchRolesSecret(env), namespace, labels, annotations: { [PUBLIC_DATA_ANNOTATION]: ROLES_FILE } },
    type: "Opaque",
    stringData: { [ROLES_FILE]: stringify(elasticsearchRoles(ctx)) },
  };
  return [certificate, roles, ...licence(ctx)];
};

/**
 * The licence object ECK reads in its own namespace. A trial is an empty Secret with ECK's
 * licence labels and the accepted EULA (ECK v3.1.0 `CreateTrialLicense`); an enterprise licence
 * is an existing Secret, and basic needs nothing.
 */
function licence(ctx: Context): KubeObject[] {
  if (settingsOf(ctx.env, "logging").licence.kind !== "trial") return [];
  return [
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        name: "eck-trial-license",
        namespace: namespaceOf(ctx.platform, "eck-operator"),
        labels: { ...managedLabels("logging"), "common.k8s.elastic.co/type": "license", "license.k8s.elastic.co/type": "enterprise_trial" },
        annotations: { "elastic.co/eula": "accepted" },
      },
    },
  ];
}
