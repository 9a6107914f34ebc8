/**
 * Which owned paths a `gen --env X` run may prune and clean up after: those with a segment that is
 * X or `X.yaml`; a name that only begins with X (lab2 of lab25) or a shared file is not X's.
 */
import { describe, expect, it } from "vitest";
import { inScope } from "../../../src/core/write/writer.ts";

describe("inScope", () => {
  it("takes a path with the environment as a folder or as <env>.yaml, anywhere in the path", () => {
    for (const path of ["manifests/lab2/kafka/kafka.yaml", "environments/lab2.yaml", "lab2", "values/lab2/minio.yaml", "kubespray/inventory/lab2/hosts.yaml"]) expect(inScope(path, "lab2"), path).toBe(true);
  });

  it("leaves another environment's, a longer or shorter name's and the shared files", () => {
    for (const path of ["manifests/lab25/kafka/kafka.yaml", "environments/lab25.yaml", "environments/lab.yaml", "helmfile.yaml.gotmpl", "docs/lab2-notes.md", "values/xlab2/a.yaml", "environments/lab2.yml"]) expect(inScope(path, "lab2"), path).toBe(false);
  });

  it("takes every path in an unscoped run", () => {
    expect(inScope("helmfile.yaml.gotmpl", undefined)).toBe(true);
  });
});
