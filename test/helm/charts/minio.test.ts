import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";
import { minioLayout } from "../../../src/helm/charts/minio.ts";

describe.each(["prod", "lab"] as const)("minio values in %s", (envName) => {
  const values = () => yamlOf(`values/${envName}/minio.yaml`);

  it("S16 A13 MinIO's root credentials come from the existing Secret minio-root, and no user has a password in values", () => {
    expect(values().existingSecret).toBe("minio-root");
    expect(values().rootPassword).toBe("");
    expect(values().users).toEqual([]);
  });

  it("S16 MinIO has the buckets for models and backups, versioned", () => {
    expect(values().buckets.map((b: { name: string }) => b.name)).toEqual(["models", "backups"]);
    for (const bucket of values().buckets) expect(bucket).toMatchObject({ policy: "none", purge: false, versioning: true });
  });

  it("S16 A8 MinIO's volumes are 100Gi on linstor-r2", () => {
    expect(values().persistence).toMatchObject({ enabled: true, size: "100Gi", storageClass: "linstor-r2" });
  });

  it("S16 A11 the console is a ClusterIP Service, reached through the Gateway", () => {
    expect(values().consoleService.type).toBe("ClusterIP");
    expect(values().consoleIngress.enabled).toBe(false);
  });
});

describe("minio layout", () => {
  it("S16 prod runs MinIO distributed (a StatefulSet) on 4 servers", () => {
    expect(yamlOf("values/prod/minio.yaml")).toMatchObject({ mode: "distributed", replicas: 4, drivesPerNode: 1 });
  });

  it("A1 lab's single replica runs standalone", () => {
    expect(yamlOf("values/lab/minio.yaml")).toMatchObject({ mode: "standalone", replicas: 1 });
  });

  it("S16 two or three servers get enough drives for erasure coding", () => {
    expect(minioLayout(2)).toEqual({ mode: "distributed", drivesPerNode: 2 });
    expect(minioLayout(3)).toEqual({ mode: "distributed", drivesPerNode: 2 });
    expect(minioLayout(8)).toEqual({ mode: "distributed", drivesPerNode: 1 });
  });
});
