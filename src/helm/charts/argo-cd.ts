/**
 * Argo CD (S32): the `iac_kubeadm` repository on GitLab is the single source of truth; the UI
 * is `argocd.<domain>` behind the TLS-terminating Traefik gateway; login through Keycloak (A12).
 */
import type { ValuesAdapter } from "./adapter.ts";
import type { ArgoCdValues } from "./types/argo-cd.ts";
import type { Environment } from "../../core/model/types.ts";
import { GROUPS_CLAIM, OIDC_SCOPES, caBundle, gitlabUrl, hostOf, oidcIssuer } from "../../core/model/derive.ts";
import { toYaml } from "../../core/yaml.ts";
import { settingsOf } from "../../core/model/components.ts";

/**
 * Fixed resource names: with `fullnameOverride` the chart names its objects `argocd-<component>`
 * (`argocd-server`, `argocd-repo-server`), independent of the release name.
 */
const ARGOCD_FULLNAME = "argocd";

/** Name of the repository entry (and of the Secret the chart makes for it). */
const REPOSITORY_ENTRY = "iac-kubeadm";

/** The Git repository Argo CD syncs the cluster from (S32). */
export function argocdRepoUrl(env: Environment): string {
  return `${gitlabUrl(env)}${settingsOf(env, "argocd").repoPath}.git`;
}

/** The OIDC client id Argo CD uses in the Keycloak realm. */
const ARGOCD_OIDC_CLIENT = "argocd";

export const argoCd: ValuesAdapter<ArgoCdValues> = (ctx) => {
  const { env } = ctx;
  const ca = caBundle(ctx);
  const replicas = settingsOf(env, "argocd").replicas;
  const ha = replicas > 1;
  const clientSecret = settingsOf(env, "keycloak").clients.argocd;
  const oidcConfig = {
    name: "Keycloak",
    issuer: oidcIssuer(env),
    clientID: ARGOCD_OIDC_CLIENT,
    // `$<secret>:<key>` makes Argo CD read the value from that Secret (labelled
    // `app.kubernetes.io/part-of: argocd`) in its namespace; no value is written here (A13).
    clientSecret: `$${clientSecret.secret}:${clientSecret.key}`,
    requestedScopes: [...OIDC_SCOPES.argocd],
    // Keycloak's certificate comes from the internal CA issuer (S7). Argo CD replaces a
    // `$<secret>:<key>` value with that key of a Secret labelled part-of argocd: the CA bundle
    // config-syncer copies here (`caBundle`), so no PEM is written into the values.
    rootCA: `$${ca.secret}:${ca.key}`,
  };
  return {
    fullnameOverride: ARGOCD_FULLNAME,
    global: { domain: hostOf(env, "argocd") },
    configs: {
      cm: {
        // `url` follows `global.domain`. Keycloak replaces Dex; the local admin stays for break-glass access.
        "oidc.config": toYaml(oidcConfig),
      },
      params: {
        // Traefik terminates TLS (S5, A11) and talks plain HTTP to the server.
        "server.insecure": true,
      },
      rbac: {
        "policy.default": "role:readonly",
        // The realm's admin group administers Argo CD; everyone else who logs in reads.
        "policy.csv": `g, ${settingsOf(env, "keycloak").adminGroup}, role:admin\n`,
        scopes: `[${GROUPS_CLAIM}]`,
      },
      // GitLab's CA is read from the `argocd-tls-certs-cm` ConfigMap (key: GitLab's host name),
      // made from the existing CA outside this chart, so no certificate is written here.
      tls: { create: false },
      repositories: {
        [REPOSITORY_ENTRY]: { url: argocdRepoUrl(env), name: "iac_kubeadm", type: "git" },
      },
    },
    dex: { enabled: false },
    // HA as Argo CD documents it: redis-ha instead of the single Redis when scaled out.
    redis: { enabled: !ha },
    "redis-ha": { enabled: ha },
    server: { replicas },
    repoServer: { replicas },
    applicationSet: { replicas },
  };
};
