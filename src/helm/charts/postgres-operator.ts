import type { ValuesAdapter } from "./adapter.ts";
import type { PostgresOperatorValues } from "./types/postgres-operator.ts";
import { namespaceOf, s3Endpoint } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/**
 * The Zalando postgres-operator (S19). It watches only the namespace of the platform's cluster
 * and spreads a cluster's pods over nodes so a failover has somewhere to go. Logical backups
 * (S19) go to the MinIO bucket of the model (S16); the CronJob's S3 keys come from the existing
 * Secret `backup.credentialsSecret` (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`) and are never
 * written here (A13). MinIO has no KMS, so server-side encryption is not requested.
 */
export const postgresOperator: ValuesAdapter<PostgresOperatorValues> = (ctx) => {
  const { platform, env } = ctx;
  const pg = settingsOf(env, "postgres");
  return {
    configKubernetes: {
      watched_namespace: namespaceOf(platform, "postgres-cluster"),
      // Keycloak and Grafana read their role's password from a Secret in their own namespace.
      enable_cross_namespace_secret: true,
      enable_pod_antiaffinity: true,
      pod_antiaffinity_preferred_during_scheduling: true,
    },
    configLogicalBackup: {
      logical_backup_provider: "s3",
      logical_backup_s3_endpoint: s3Endpoint(ctx),
      // MinIO's default region; S3 clients must name one.
      logical_backup_s3_region: "us-east-1",
      logical_backup_s3_bucket: pg.backup.bucket,
      logical_backup_s3_bucket_prefix: pg.name,
      logical_backup_s3_sse: "",
      logical_backup_s3_retention_time: pg.backup.retention,
      logical_backup_schedule: pg.backup.schedule,
      logical_backup_cronjob_environment_secret: pg.backup.credentialsSecret,
    },
  };
};
