/**
 * `apply/references-resolve` finds Kubernetes-shaped references anywhere in a values file
 * (env `secretKeyRef`s, volume sources), however deep, and reports each at its own pointer.
 */
import { describe, expect, it } from "vitest";
import { editYaml, lintCase } from "../../support/lint.ts";

const MINIO = "values/prod/minio.yaml";

describe("apply/references-resolve on references written into values", () => {
  it("reports a missing Secret and ConfigMap at the pointer of each name", async () => {
    const edit = editYaml((d) => {
      d.extraContainers = [{ name: "sidecar", env: [{ name: "TOKEN", valueFrom: { secretKeyRef: { name: "no-such-secret", key: "token" } } }] }];
      d.extraVolumes = [{ name: "conf", configMap: { name: "no-such-config" } }];
    });
    const { diagnostics } = await lintCase({ name: "refs", rule: "apply/references-resolve", edit: { [MINIO]: edit }, expect: { file: MINIO } });
    const found = diagnostics.filter((d) => d.rule === "apply/references-resolve" && d.file === MINIO).map((d) => [d.pointer, /"(no-such-[a-z]+)"/.exec(d.message)?.[1]]);
    expect(found).toEqual([
      ["/extraContainers/0/env/0/valueFrom/secretKeyRef/name", "no-such-secret"],
      ["/extraVolumes/0/configMap/name", "no-such-config"],
    ]);
  });
});
