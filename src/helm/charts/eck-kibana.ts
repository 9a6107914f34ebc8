import type { ValuesAdapter } from "./adapter.ts";
import type { EckKibanaValues } from "./types/eck-kibana.ts";
import { hostOf, kibanaSso } from "../../core/model/derive.ts";
import { OIDC_REALM } from "./eck-elasticsearch.ts";
import { settingsOf } from "../../core/model/components.ts";

/** Kibana's object name; ECK's Service is `<name>-kb-http`. */
const KIBANA_NAME = "kibana";

/**
 * Kibana (S25) at `kibana.<domain>` (A11), logging in through Keycloak via Elasticsearch's OIDC
 * realm (S35, A12), with the basic login kept as a fallback: the OIDC realm needs an Elastic
 * licence above basic. TLS ends at the Gateway (A11), so Kibana serves plain HTTP in the cluster.
 */
export const eckKibana: ValuesAdapter<EckKibanaValues> = ({ env }) => ({
  fullnameOverride: KIBANA_NAME,
  version: settingsOf(env, "logging").elasticsearch.version,
  count: settingsOf(env, "logging").kibana.replicas,
  elasticsearchRef: { name: settingsOf(env, "logging").elasticsearch.name },
  config: {
    "server.publicBaseUrl": `https://${hostOf(env, "kibana")}`,
    // Keycloak first when the licence runs the OIDC realm; the basic login stays as the fallback
    // (and is all there is once a trial has ended).
    "xpack.security.authc.providers": {
      ...(kibanaSso(env) ? { oidc: { [OIDC_REALM]: { order: 0, realm: OIDC_REALM, description: "Keycloak" } } } : {}),
      basic: { basic1: { order: 1 } },
    },
  },
  http: { tls: { selfSignedCertificate: { disabled: true } } },
});
