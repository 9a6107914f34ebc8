import { type ManifestBuilder, managedLabels } from "./kube.ts";
import { type Context, namespaceOf, postgresUserSecret } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/**
 * The login roles of the cluster, as the manifest declares them. A role whose client runs in
 * another namespace is declared `<namespace>.<role>`, so the operator writes its password Secret
 * there (`enable_cross_namespace_secret`): Keycloak's (S35) and Grafana's (S26). The role in
 * PostgreSQL is the part after the dot.
 */
export function postgresRoles({ platform, env }: Context): Record<string, string[]> {
  const pg = settingsOf(env, "postgres");
  const clientNamespace: Record<string, string> = {};
  const keycloakOwner = pg.databases.keycloak;
  if (keycloakOwner) clientNamespace[keycloakOwner] = namespaceOf(platform, "keycloakx");
  const grafana = settingsOf(env, "monitoring").grafana.datasources.postgres.user;
  clientNamespace[grafana] = namespaceOf(platform, "kube-prometheus-stack");
  const roles = [...new Set([...Object.values(pg.databases), grafana])].sort();
  return Object.fromEntries(
    roles.map((role) => {
      const ns = clientNamespace[role];
      return [ns ? postgresUserSecret(env, role, ns).manifestUser : role, []];
    }),
  );
}

/**
 * The PostgreSQL cluster (S19) the Zalando operator runs: Patroni HA with the model's instance
 * count (failover needs two or more; lab has one, A1), data on the Linstor class (S14), the
 * model's databases (the platform's own and Keycloak's, S35), their owners and Grafana's
 * read role (S26), and scheduled logical backups to MinIO (S16). The operator writes each role's
 * password to a Secret of its own; none is set here (A13).
 */
export const postgresCluster: ManifestBuilder = (ctx) => {
  const { platform, env } = ctx;
  const pg = settingsOf(env, "postgres");
  return [
    {
      apiVersion: "acid.zalan.do/v1",
      kind: "postgresql",
      metadata: { name: pg.name, namespace: namespaceOf(platform, "postgres-cluster"), labels: managedLabels("postgres") },
      spec: {
        teamId: pg.teamId,
        numberOfInstances: pg.instances,
        postgresql: { version: pg.version },
        volume: { size: pg.size, storageClass: pg.storageClass },
        users: postgresRoles(ctx),
        databases: pg.databases,
        enableLogicalBackup: true,
        logicalBackupSchedule: pg.backup.schedule,
        logicalBackupRetention: pg.backup.retention,
      },
    },
  ];
};
