/**
 * The rules on the embedded model: each has an id, a one-line description and its own file, and
 * none fires on the default prod and lab output except the runner's declared privileged
 * exception (S29), which is a warning.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rules } from "../../src/pipeline/lint.ts";
import { lint } from "../../src/pipeline/lint.ts";
import { useSchemaRoot } from "../../src/core/schema/validators.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import type { Diagnostic } from "../../src/core/diagnostics/types.ts";
import { REPO, generatedFiles, testSchemaRoot } from "../support/lint.ts";

const AREAS = ["network", "placement", "storage", "hosts", "tls", "ordering", "secrets", "images", "privileged"];
const own = rules.filter((r) => AREAS.includes(r.id.split("/")[0]!));

let found: Diagnostic[] = [];

beforeAll(async () => {
  useSchemaRoot(testSchemaRoot());
  const tree = generatedFiles();
  found = await lint(streamforge, { read: (p) => tree.get(p), list: () => [], skipModelSchema: true });
});

describe("lint rules", () => {
  it("each have an id, a one-line description and a file of their own", () => {
    expect(own.length).toBeGreaterThanOrEqual(20);
    expect(new Set(own.map((r) => r.id)).size).toBe(own.length);
    for (const rule of own) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(rule.description).toMatch(/^[^\n]{10,140}$/);
    }
    // A rule lives with the world it checks: `src/<world>/rules/` or `src/helm/rules/<area>/`.
    for (const rule of own) {
      const area = rule.id.split("/")[0]!;
      const dirs = [join(REPO, "src", area, "rules"), join(REPO, "src/helm/rules", area)];
      expect(dirs.some((dir) => existsSync(dir)), `${rule.id} in ${dirs.join(" or ")}`).toBe(true);
    }
  });

  it.each(own.map((r) => [r.id]))("%s finds nothing wrong in the default prod and lab output", (id) => {
    const hits = found.filter((d) => d.rule === id && d.severity === "error");
    expect(hits.map((d) => `${d.file}:${d.position?.line ?? ""} ${d.message}`)).toEqual([]);
  });

  it("S29 the runner's privileged build pods are a declared exception, reported as a warning in prod and lab", () => {
    const warnings = found.filter((d) => d.rule === "privileged/exception");
    expect(warnings.map((d) => [d.file, d.severity]).sort()).toEqual([
      ["values/lab/gitlab-runner.yaml", "warning"],
      ["values/prod/gitlab-runner.yaml", "warning"],
    ]);
    expect(warnings[0]?.message).toContain(streamforge.environments[0]!.components.runner.privilegedReason);
  });
});
