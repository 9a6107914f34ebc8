import { sha256Hex } from "../../core/sha256.ts";
import { type KubeObject, type ManifestBuilder, managedLabels } from "./kube.ts";
import { type Context, namespaceOf, postgresClientReleases, postgresLogin, postgresSuperuserSecret, serviceHost } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";
import { lookup } from "../../core/model/lookup.ts";

/**
 * The login roles of the cluster, as the manifest declares them (`spec.users`). A role whose
 * client runs in another namespace is declared `<namespace>.<role>`, so the operator writes its
 * password Secret there (`enable_cross_namespace_secret`): Keycloak's (S35) and Grafana's (S26).
 * The operator keeps that name whole as the PostgreSQL role (`postgresLogin`).
 */
export function postgresRoles(ctx: Context): Record<string, string[]> {
  const pg = settingsOf(ctx.env, "postgres");
  const users = new Set([...Object.values(pg.databases), ...Object.keys(postgresClientReleases(ctx.env))]);
  return Object.fromEntries([...users].map((user) => postgresLogin(ctx, user).role).sort().map((role) => [role, []]));
}

/** `spec.databases`: each database owned by its owner's exact role name. */
export function postgresDatabases(ctx: Context): Record<string, string> {
  const pg = settingsOf(ctx.env, "postgres");
  return Object.fromEntries(Object.entries(pg.databases).map(([db, owner]) => [db, postgresLogin(ctx, owner).role]));
}

/** A PostgreSQL identifier, double-quoted (role names contain dots). */
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The statements that give Grafana's role read access to its data source's database (S26):
 * connect, use the `public` schema, read its tables, and read tables the owner creates later.
 * Every statement may run again without harm.
 */
export function grafanaReadGrants(ctx: Context): { database: string; role: string; statements: string[] } {
  const ds = settingsOf(ctx.env, "monitoring").grafana.datasources.postgres;
  const databases = settingsOf(ctx.env, "postgres").databases;
  // The same test as the model check (model-semantics), so a model it passes never throws here.
  const owner = lookup(databases, ds.database);
  if (owner === undefined) throw new Error(`components.monitoring.grafana.datasources.postgres.database "${ds.database}" is not a database of components.postgres.databases`);
  const role = ident(postgresLogin(ctx, ds.user).role);
  return {
    database: ds.database,
    role: postgresLogin(ctx, ds.user).role,
    statements: [
      `GRANT CONNECT ON DATABASE ${ident(ds.database)} TO ${role};`,
      `GRANT USAGE ON SCHEMA public TO ${role};`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role};`,
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(postgresLogin(ctx, owner).role)} IN SCHEMA public GRANT SELECT ON TABLES TO ${role};`,
    ],
  };
}

/**
 * The operator's `spec.users` sets role flags only; it has no grants. This Job applies Grafana's
 * read grants as the `postgres` superuser once the operator has created the role. It waits
 * inside its own pod (the operator's Secret and the role appear after this release is applied),
 * so nothing in Helmfile waits on it. Its name carries a hash of the statements: a Job's pod
 * template is immutable, so changed grants are a new Job.
 */
function grantsJob(ctx: Context, namespace: string, labels: Record<string, string>): KubeObject {
  const pg = settingsOf(ctx.env, "postgres");
  const grants = grafanaReadGrants(ctx);
  const superuser = postgresSuperuserSecret(ctx);
  const sql = grants.statements.join("\n");
  const hash = sha256Hex(sql).slice(0, 8);
  const script = [
    "set -eu",
    `until psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '${grants.role}'" | grep -q 1; do echo "waiting for role ${grants.role}"; sleep 10; done`,
    `psql -v ON_ERROR_STOP=1 -d ${grants.database} <<'SQL'`,
    sql,
    "SQL",
  ].join("\n");
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: `${pg.name}-grants-${hash}`, namespace, labels },
    spec: {
      backoffLimit: 20,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: "OnFailure",
          securityContext: { runAsNonRoot: true, runAsUser: 70, runAsGroup: 70 },
          containers: [
            {
              name: "grants",
              image: `${pg.clientImage.repository}:${pg.clientImage.tag}`,
              command: ["/bin/sh", "-c", script],
              env: [
                { name: "PGHOST", value: serviceHost(pg.name, namespace) },
                { name: "PGSSLMODE", value: "require" },
                { name: "PGUSER", valueFrom: { secretKeyRef: { name: superuser.secret, key: "username" } } },
                { name: "PGPASSWORD", valueFrom: { secretKeyRef: { name: superuser.secret, key: "password" } } },
              ],
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            },
          ],
        },
      },
    },
  };
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
  const namespace = namespaceOf(platform, "postgres-cluster");
  const labels = managedLabels("postgres");
  return [
    {
      apiVersion: "acid.zalan.do/v1",
      kind: "postgresql",
      metadata: { name: pg.name, namespace, labels },
      spec: {
        teamId: pg.teamId,
        numberOfInstances: pg.instances,
        postgresql: { version: pg.version },
        volume: { size: pg.size, storageClass: pg.storageClass },
        users: postgresRoles(ctx),
        databases: postgresDatabases(ctx),
        enableLogicalBackup: true,
        logicalBackupSchedule: pg.backup.schedule,
        logicalBackupRetention: pg.backup.retention,
      },
    },
    grantsJob(ctx, namespace, labels),
  ];
};
