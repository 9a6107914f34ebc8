/**
 * Lint checks a shared file (the helmfile, the CI templates) once per environment, so the same
 * finding comes back once per environment; it is reported once. A finding is "the same" only at
 * the same place: one message at two lines of a file is two findings.
 */
import { describe, expect, it } from "vitest";
import { dedupe } from "../../src/pipeline/lint.ts";
import type { Diagnostic } from "../../src/core/diagnostics/types.ts";

const finding = (line: number, env = "prod"): Diagnostic => ({
  rule: "secrets/literal",
  severity: "error",
  message: "a literal password",
  file: "helmfile.yaml.gotmpl",
  pointer: "/releases/3/set/0",
  position: { line, column: 7 },
  hint: `seen while checking ${env}`,
});

describe("dedupe", () => {
  it("keeps the first of a finding repeated by each environment's pass over a shared file", () => {
    expect(dedupe([finding(12, "prod"), finding(12, "lab")])).toEqual([finding(12, "prod")]);
  });

  it("keeps findings with one message at two places of the same value", () => {
    expect(dedupe([finding(12), finding(14), finding(12, "lab")])).toEqual([finding(12), finding(14)]);
  });

  it("tells findings apart by rule, file, pointer and message", () => {
    const base = finding(12);
    const others = [{ ...base, rule: "secrets/other" }, { ...base, file: "values/prod/x.yaml" }, { ...base, pointer: "/releases/4" }, { ...base, message: "another" }];
    expect(dedupe([base, ...others])).toHaveLength(5);
  });
});
